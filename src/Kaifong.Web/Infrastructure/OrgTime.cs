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

    public static string FormatDate(DateTimeOffset instant, Organisation org) =>
        Local(instant, org).ToString("d", CultureInfo.CurrentCulture);
}
