using System.Text.RegularExpressions;

namespace Kaifong.Rostering.Tests;

public partial class MessageTests
{
    [Fact]
    public void Every_message_has_all_three_languages_with_the_same_arguments()
    {
        foreach (var code in Messages.Codes)
        {
            var en = Placeholders(Messages.Template(code, "en"));
            foreach (var language in Messages.Languages)
            {
                var text = Messages.Template(code, language);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{code} is empty in {language}");
                Assert.Equal(en, Placeholders(text));
            }
        }
    }

    [Theory]
    [InlineData(null, "zh-HK")]
    [InlineData("zh-TW", "zh-HK")]
    [InlineData("en-GB", "en")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh-CN", "zh-CN")]
    public void Languages_fall_back_to_traditional_chinese(string? culture, string expected) =>
        Assert.Equal(expected, Messages.Language(culture));

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();
}
