namespace Kaifong.Domain.Common;

/// <summary>The languages Kaifong is written in. zh-HK is the default.</summary>
public static class Languages
{
    public const string ZhHk = "zh-HK";
    public const string En = "en";
    public const string ZhCn = "zh-CN";
    public const string Default = ZhHk;

    public static readonly IReadOnlyList<string> All = [ZhHk, En, ZhCn];

    /// <summary>Maps a culture name (zh-TW, zh-Hant, en-GB, zh-Hans-SG…) to one we support, or null.</summary>
    public static string? Normalise(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return null;
        }

        var c = culture.Trim().Replace('_', '-').ToUpperInvariant();
        if (c == "ZH-CN" || c == "ZH-SG" || c.StartsWith("ZH-HANS", StringComparison.Ordinal))
        {
            return ZhCn;
        }

        if (c == "ZH" || c.StartsWith("ZH-", StringComparison.Ordinal))
        {
            return ZhHk;
        }

        if (c == "EN" || c.StartsWith("EN-", StringComparison.Ordinal))
        {
            return En;
        }

        return null;
    }
}
