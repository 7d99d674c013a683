namespace Kaifong.Domain.Scheduling;

/// <summary>One occurrence to create: its rule date, instants, and the instants of each shift.</summary>
public sealed record PlannedOccurrence(DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<PlannedShift> Shifts);

public sealed record PlannedShift(ShiftDefinition Definition, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Turns an activity's rule into dated occurrences and shifts, in the organisation's zone. Pure: the caller decides
/// the window and which dates already exist.
/// </summary>
public static class Materialiser
{
    public static IEnumerable<PlannedOccurrence> Plan(Activity activity, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var localStart in Recurrence.Occurrences(activity.RRule, activity.FirstLocalStart, from, to))
        {
            yield return PlanOne(activity, zone, localStart);
        }
    }

    /// <summary>An occurrence starting at <paramref name="localStart"/>, with the activity's duration and shifts.</summary>
    public static PlannedOccurrence PlanOne(Activity activity, TimeZoneInfo zone, DateTime localStart, DateOnly? ruleDate = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var localEnd = localStart + activity.Duration;
        var overnight = DateOnly.FromDateTime(localEnd.AddTicks(-1)) != DateOnly.FromDateTime(localStart);
        var day = localStart.Date;
        var shifts = activity.Shifts.Select(def =>
        {
            var (fromMinutes, toMinutes) = def.Minutes(TimeOnly.FromDateTime(localStart), overnight);
            var (start, end) = ZonedTime.Span(day.AddMinutes(fromMinutes), day.AddMinutes(toMinutes), zone);
            return new PlannedShift(def, start, end);
        }).ToArray();
        var (occurrenceStart, occurrenceEnd) = ZonedTime.Span(localStart, localEnd, zone);
        var latestShiftEnd = shifts.Length == 0 ? occurrenceEnd : shifts.Max(s => s.End);
        return new PlannedOccurrence(ruleDate ?? DateOnly.FromDateTime(localStart), occurrenceStart,
            latestShiftEnd > occurrenceEnd ? latestShiftEnd : occurrenceEnd, shifts);
    }

    /// <summary>The window's last date for a series on <paramref name="today"/>: the rolling window, but no further than the series goes.</summary>
    public static DateOnly WindowEnd(Activity activity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var windowEnd = today.AddDays(ActivityRules.WindowDays);
        var last = activity.LastDate;
        return last < windowEnd ? last : windowEnd;
    }
}
