using Kaifong.Domain.Common;

namespace Kaifong.Domain.Tests;

public class LanguageTests
{
    [Theory]
    [InlineData("zh-HK", "zh-HK")]
    [InlineData("zh-TW", "zh-HK")]
    [InlineData("zh-MO", "zh-HK")]
    [InlineData("zh-Hant", "zh-HK")]
    [InlineData("zh-Hant-HK", "zh-HK")]
    [InlineData("zh", "zh-HK")]
    [InlineData("ZH-hk", "zh-HK")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh_CN", "zh-CN")]
    [InlineData("zh-SG", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh-Hans-SG", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("en-HK", "en")]
    [InlineData("EN-us", "en")]
    [InlineData(" en-GB ", "en")]
    public void Cultures_map_to_a_supported_language(string culture, string expected) =>
        Assert.Equal(expected, Languages.Normalise(culture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("fr")]
    [InlineData("ne-NP")]
    [InlineData("ur")]
    [InlineData("eng")]
    [InlineData("zhx")]
    public void Unsupported_cultures_give_null(string? culture) => Assert.Null(Languages.Normalise(culture));

    [Fact]
    public void Traditional_chinese_is_the_default_and_listed_first()
    {
        Assert.Equal("zh-HK", Languages.Default);
        Assert.Equal(["zh-HK", "en", "zh-CN"], Languages.All);
    }

    [Fact]
    public void Every_supported_language_normalises_to_itself()
    {
        foreach (var language in Languages.All)
        {
            Assert.Equal(language, Languages.Normalise(language));
        }
    }

    [Fact]
    public void Every_supported_language_fits_the_column() =>
        Assert.All(Languages.All, l => Assert.True(l.Length <= Limits.Language));
}
