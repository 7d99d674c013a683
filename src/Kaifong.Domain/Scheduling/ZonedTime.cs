namespace Kaifong.Domain.Scheduling;

/// <summary>Local wall-clock times of an organisation's zone, to and from UTC instants.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant a local time names. A time skipped by a daylight-saving jump moves forward by the gap (02:30 → 03:30);
    /// a repeated time means its first occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>
    /// The instants of a local span. Wall-clock times as everywhere, except that a span whose start a daylight-saving
    /// jump skips keeps its length: 02:30–03:30 on a spring-forward day becomes 03:30–04:30, never a span of no time.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Span(DateTime localStart, DateTime localEnd, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = ToUtc(localStart, zone);
        var end = ToUtc(localEnd, zone);
        var length = localEnd - localStart;
        return zone.IsInvalidTime(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified)) && end - start < length
            ? (start, start + length)
            : (start, end);
    }

    /// <summary>True when the local time does not exist in the zone (skipped when clocks go forward).</summary>
    public static bool IsSkipped(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ToLocal(time.GetUtcNow(), zone));
}
