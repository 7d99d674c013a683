namespace Kaifong.Domain.People;

/// <summary>The 18 districts of Hong Kong, used to match people with nearby activities.</summary>
public enum District
{
    CentralAndWestern = 1,
    WanChai,
    Eastern,
    Southern,
    YauTsimMong,
    ShamShuiPo,
    KowloonCity,
    WongTaiSin,
    KwunTong,
    KwaiTsing,
    TsuenWan,
    TuenMun,
    YuenLong,
    North,
    TaiPo,
    ShaTin,
    SaiKung,
    Islands,
}

public static class Districts
{
    private sealed record Names(District District, string English, string Traditional, string Simplified);

    private static readonly Names[] All =
    [
        new(District.CentralAndWestern, "Central and Western", "中西區", "中西区"),
        new(District.WanChai, "Wan Chai", "灣仔", "湾仔"),
        new(District.Eastern, "Eastern", "東區", "东区"),
        new(District.Southern, "Southern", "南區", "南区"),
        new(District.YauTsimMong, "Yau Tsim Mong", "油尖旺", "油尖旺"),
        new(District.ShamShuiPo, "Sham Shui Po", "深水埗", "深水埗"),
        new(District.KowloonCity, "Kowloon City", "九龍城", "九龙城"),
        new(District.WongTaiSin, "Wong Tai Sin", "黃大仙", "黄大仙"),
        new(District.KwunTong, "Kwun Tong", "觀塘", "观塘"),
        new(District.KwaiTsing, "Kwai Tsing", "葵青", "葵青"),
        new(District.TsuenWan, "Tsuen Wan", "荃灣", "荃湾"),
        new(District.TuenMun, "Tuen Mun", "屯門", "屯门"),
        new(District.YuenLong, "Yuen Long", "元朗", "元朗"),
        new(District.North, "North", "北區", "北区"),
        new(District.TaiPo, "Tai Po", "大埔", "大埔"),
        new(District.ShaTin, "Sha Tin", "沙田", "沙田"),
        new(District.SaiKung, "Sai Kung", "西貢", "西贡"),
        new(District.Islands, "Islands", "離島", "离岛"),
    ];

    public static IReadOnlyList<District> List { get; } = All.Select(n => n.District).ToArray();

    /// <summary>The name the API speaks: "Tsuen Wan".</summary>
    public static string ApiName(this District district) => All.First(n => n.District == district).English;

    /// <summary>The district's name in one of our languages.</summary>
    public static string DisplayName(this District district, string language)
    {
        var n = All.First(x => x.District == district);
        return language switch
        {
            Common.Languages.En => n.English,
            Common.Languages.ZhCn => n.Simplified,
            _ => n.Traditional,
        };
    }

    /// <summary>An optional district: null when blank; when it is not one of the 18, adds <paramref name="unknown"/> and gives null.</summary>
    public static District? ParseOptional(string? text, List<Common.Error> errors, Common.Error unknown)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse(text, out var district))
        {
            return district;
        }

        errors.Add(unknown);
        return null;
    }

    /// <summary>Accepts the code (TsuenWan), the English name (Tsuen Wan, any case) or the Chinese name (荃灣 / 荃湾).</summary>
    public static bool TryParse(string? text, out District district)
    {
        district = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        var squashed = t.Replace(" ", "", StringComparison.Ordinal).Replace("&", "And", StringComparison.Ordinal);
        foreach (var n in All)
        {
            if (string.Equals(n.District.ToString(), squashed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(n.English, t, StringComparison.OrdinalIgnoreCase)
                || n.Traditional == t || n.Simplified == t
                || n.Traditional.TrimEnd('區') == t || n.Simplified.TrimEnd('区') == t)
            {
                district = n.District;
                return true;
            }
        }

        return false;
    }
}
