using System.Globalization;
using Kaifong.Domain.Organisations;

namespace Kaifong.Web.Infrastructure;

/// <summary>Instants shown in the organisation's time zone and the reader's culture.</summary>
public static class OrgTime
{
    public static DateTimeOffset Local(DateTimeOffset instant, Organisation org) =>
        TimeZoneInfo.ConvertTime(instant, org.Zone);

    public static string Format(DateTimeOffset instant, Organisation org) =>
        Local(instant, org).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>
    /// Date and time in Hong Kong order whatever the language: "2026年12月3日 09:05" in Chinese, "3 Dec 2026 09:05" in
    /// English (never the American 12/3/2026).
    /// </summary>
    public static string FormatWhen(DateTimeOffset instant, Organisation org)
    {
        var culture = CultureInfo.CurrentCulture;
        var pattern = culture.Name.StartsWith("zh", StringComparison.Ordinal) ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm";
        return Local(instant, org).ToString(pattern, culture);
    }

    public static string FormatDate(DateTimeOffset instant, Organisation org) =>
        Local(instant, org).ToString("d", CultureInfo.CurrentCulture);
}
