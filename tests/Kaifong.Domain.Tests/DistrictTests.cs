using Kaifong.Domain.Common;
using Kaifong.Domain.People;

namespace Kaifong.Domain.Tests;

public class DistrictTests
{
    public static TheoryData<District, string, string, string> AllDistricts => new()
    {
        { District.CentralAndWestern, "Central and Western", "中西區", "中西区" },
        { District.WanChai, "Wan Chai", "灣仔", "湾仔" },
        { District.Eastern, "Eastern", "東區", "东区" },
        { District.Southern, "Southern", "南區", "南区" },
        { District.YauTsimMong, "Yau Tsim Mong", "油尖旺", "油尖旺" },
        { District.ShamShuiPo, "Sham Shui Po", "深水埗", "深水埗" },
        { District.KowloonCity, "Kowloon City", "九龍城", "九龙城" },
        { District.WongTaiSin, "Wong Tai Sin", "黃大仙", "黄大仙" },
        { District.KwunTong, "Kwun Tong", "觀塘", "观塘" },
        { District.KwaiTsing, "Kwai Tsing", "葵青", "葵青" },
        { District.TsuenWan, "Tsuen Wan", "荃灣", "荃湾" },
        { District.TuenMun, "Tuen Mun", "屯門", "屯门" },
        { District.YuenLong, "Yuen Long", "元朗", "元朗" },
        { District.North, "North", "北區", "北区" },
        { District.TaiPo, "Tai Po", "大埔", "大埔" },
        { District.ShaTin, "Sha Tin", "沙田", "沙田" },
        { District.SaiKung, "Sai Kung", "西貢", "西贡" },
        { District.Islands, "Islands", "離島", "离岛" },
    };

    [Fact]
    public void There_are_eighteen_districts_each_listed_once()
    {
        Assert.Equal(18, Districts.List.Count);
        Assert.Equal(18, Districts.List.Distinct().Count());
        Assert.Equal(Enum.GetValues<District>().Order(), Districts.List.Order());
        Assert.Equal(18, AllDistricts.Count());
    }

    [Theory]
    [MemberData(nameof(AllDistricts))]
    public void Parses_by_code(District district, string english, string traditional, string simplified)
    {
        _ = (english, traditional, simplified);
        Assert.True(Districts.TryParse(district.ToString(), out var parsed));
        Assert.Equal(district, parsed);
        Assert.True(Districts.TryParse(district.ToString().ToLowerInvariant(), out parsed));
        Assert.Equal(district, parsed);
    }

    [Theory]
    [MemberData(nameof(AllDistricts))]
    public void Parses_by_english_name_in_any_case(District district, string english, string traditional, string simplified)
    {
        _ = (traditional, simplified);
        Assert.True(Districts.TryParse(english, out var parsed));
        Assert.Equal(district, parsed);
        Assert.True(Districts.TryParse("  " + english.ToUpperInvariant() + " ", out parsed));
        Assert.Equal(district, parsed);
    }

    [Theory]
    [MemberData(nameof(AllDistricts))]
    public void Parses_by_traditional_name(District district, string english, string traditional, string simplified)
    {
        _ = (english, simplified);
        Assert.True(Districts.TryParse(traditional, out var parsed));
        Assert.Equal(district, parsed);
    }

    [Theory]
    [MemberData(nameof(AllDistricts))]
    public void Parses_by_simplified_name(District district, string english, string traditional, string simplified)
    {
        _ = (english, traditional);
        Assert.True(Districts.TryParse(simplified, out var parsed));
        Assert.Equal(district, parsed);
    }

    [Theory]
    [MemberData(nameof(AllDistricts))]
    public void Display_name_in_each_language(District district, string english, string traditional, string simplified)
    {
        Assert.Equal(english, district.DisplayName(Languages.En));
        Assert.Equal(traditional, district.DisplayName(Languages.ZhHk));
        Assert.Equal(simplified, district.DisplayName(Languages.ZhCn));
        Assert.Equal(english, district.ApiName());
    }

    [Fact]
    public void Display_name_in_an_unknown_language_is_traditional_chinese() =>
        Assert.Equal("荃灣", District.TsuenWan.DisplayName("fr"));

    [Theory]
    [InlineData("中西", District.CentralAndWestern)]
    [InlineData("東", District.Eastern)]
    [InlineData("北", District.North)]
    [InlineData("Central & Western", District.CentralAndWestern)]
    [InlineData("central&western", District.CentralAndWestern)]
    [InlineData("TSUENWAN", District.TsuenWan)]
    [InlineData(" 荃灣 ", District.TsuenWan)]
    public void Parses_common_variants(string text, District expected)
    {
        Assert.True(Districts.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Kowloon")]
    [InlineData("Mong Kok")]
    [InlineData("旺角")]
    [InlineData("Shenzhen")]
    [InlineData("11")]
    [InlineData("TsuenWanX")]
    public void Unknown_text_fails(string? text)
    {
        Assert.False(Districts.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
    }
}
