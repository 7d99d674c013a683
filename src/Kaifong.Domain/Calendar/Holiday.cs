using Kaifong.Domain.Common;

namespace Kaifong.Domain.Calendar;

/// <summary>A Hong Kong general holiday, with its gazetted name in each of our languages.</summary>
public sealed record Holiday(DateOnly Date, string NameZhHk, string NameEn, string NameZhCn)
{
    /// <summary>The name in <paramref name="language"/> (zh-HK, en, zh-CN or a culture that maps to one); zh-HK otherwise.</summary>
    public string Name(string? language) => Languages.Normalise(language) switch
    {
        Languages.En => NameEn,
        Languages.ZhCn => NameZhCn,
        _ => NameZhHk,
    };
}
