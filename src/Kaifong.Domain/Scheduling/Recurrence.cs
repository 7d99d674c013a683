using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Kaifong.Domain.Common;
using DataPattern = Ical.Net.DataTypes.RecurrencePattern;

namespace Kaifong.Domain.Scheduling;

/// <summary>
/// RFC 5545 recurrence rules (RRULE), expanded by Ical.Net in the organisation's local wall-clock time.
/// A series must end: COUNT up to <see cref="MaxOccurrences"/>, or UNTIL within <see cref="MaxSpanDays"/> days of its
/// start, and repeat at most daily. Anything else would expand without bound and is refused.
/// </summary>
public static class Recurrence
{
    public const int MaxOccurrences = 730;
    public const int MaxSpanDays = 731;
    public const int MaxRuleLength = 300;

    /// <summary>Parses and checks a rule; the returned text is the rule in canonical form.</summary>
    public static Result<string> Validate(string? rrule, DateTime firstLocalStart)
    {
        var text = rrule?.Trim() ?? "";
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        if (text.Length == 0 || text.Length > MaxRuleLength || text.Any(char.IsControl))
        {
            return SchedulingErrors.InvalidRule;
        }

        RecurrenceRule rule;
        try
        {
            rule = new RecurrenceRule(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            return SchedulingErrors.InvalidRule;
        }

        if (rule.Frequency is FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly
            || rule.Interval < 1 || rule.Interval > 366)
        {
            return SchedulingErrors.RuleTooFrequent;
        }

        // The time of day is the activity's start; parts that pick hours, minutes or seconds would make several
        // occurrences a day (FREQ=DAILY;BYHOUR=0,…,23 is "daily" in name only) or move the start away from the form's.
        var parts = new DataPattern(text);
        if (parts.ByHour.Count > 0 || parts.ByMinute.Count > 0 || parts.BySecond.Count > 0)
        {
            return SchedulingErrors.RuleTimeOfDay;
        }

        if (rule.Count is null && rule.Until is null)
        {
            return SchedulingErrors.RuleUnbounded;
        }

        if (rule.Count is < 1 or > MaxOccurrences)
        {
            return SchedulingErrors.RuleTooLong;
        }

        if (rule.Until is { } until && DateOnly.FromDateTime(until.Value) > DateOnly.FromDateTime(firstLocalStart).AddDays(MaxSpanDays))
        {
            return SchedulingErrors.RuleTooLong;
        }

        List<DateTime> all;
        try
        {
            // The whole series within MaxSpanDays (one a day is at most MaxSpanDays + 1), so every rule that passes is
            // one a day at most whatever its parts say.
            all = Expand(rule, firstLocalStart, DateOnly.MinValue, DateOnly.FromDateTime(firstLocalStart).AddDays(MaxSpanDays)).Take(MaxSpanDays + 2).ToList();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EvaluationException)
        {
            return SchedulingErrors.InvalidRule;
        }

        if (all.Count == 0)
        {
            return SchedulingErrors.RuleEmpty;
        }

        return all.Select(DateOnly.FromDateTime).Distinct().Count() < all.Count
            ? SchedulingErrors.RuleTooFrequent
            : Result<string>.Ok(Canonical(text));
    }

    /// <summary>
    /// The local start times of a series whose first occurrence starts at <paramref name="firstLocalStart"/>, on local dates
    /// from <paramref name="from"/> to <paramref name="to"/> inclusive, in order. A one-off (null rule) has one occurrence.
    /// </summary>
    public static IEnumerable<DateTime> Occurrences(string? rrule, DateTime firstLocalStart, DateOnly from, DateOnly to)
    {
        if (string.IsNullOrWhiteSpace(rrule))
        {
            var d = DateOnly.FromDateTime(firstLocalStart);
            return d >= from && d <= to ? [firstLocalStart] : [];
        }

        return Expand(new RecurrenceRule(rrule), firstLocalStart, from, to);
    }

    /// <summary>The last local date of a bounded series (used to know when a series is fully materialised).</summary>
    public static DateOnly LastDate(string? rrule, DateTime firstLocalStart)
    {
        if (string.IsNullOrWhiteSpace(rrule))
        {
            return DateOnly.FromDateTime(firstLocalStart);
        }

        var last = Occurrences(rrule, firstLocalStart, DateOnly.MinValue, DateOnly.FromDateTime(firstLocalStart).AddDays(MaxSpanDays)).LastOrDefault();
        return last == default ? DateOnly.FromDateTime(firstLocalStart) : DateOnly.FromDateTime(last);
    }

    /// <summary>The same rule, ending on the day before <paramref name="date"/> (for "this and following" splits).</summary>
    public static string EndBefore(string rrule, DateOnly date)
    {
        var rule = new DataPattern(rrule) { Count = null, Until = new CalDateTime(date.AddDays(-1), new TimeOnly(23, 59, 59), null) };
        return rule.ToString() ?? rrule;
    }

    /// <summary>The rest of a series from <paramref name="date"/>: COUNT lowered by the occurrences before it.</summary>
    public static string Remainder(string rrule, DateTime firstLocalStart, DateOnly date)
    {
        var rule = new DataPattern(rrule);
        if (rule.Count is { } count)
        {
            var before = Occurrences(rrule, firstLocalStart, DateOnly.MinValue, date.AddDays(-1)).Count();
            rule.Count = Math.Max(1, count - before);
        }

        return rule.ToString() ?? rrule;
    }

    /// <summary>The rule as Ical.Net writes it (RecurrenceRule keeps the text it was given; RecurrencePattern writes its parts).</summary>
    private static string Canonical(string rrule) => new DataPattern(rrule).ToString() ?? rrule;

    private static IEnumerable<DateTime> Expand(RecurrenceRule rule, DateTime firstLocalStart, DateOnly from, DateOnly to)
    {
        var start = new CalDateTime(DateOnly.FromDateTime(firstLocalStart), TimeOnly.FromDateTime(firstLocalStart), null);
        var periodStart = from > DateOnly.FromDateTime(firstLocalStart) ? new CalDateTime(from, new TimeOnly(0, 0), null) : null;
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 5000 };
        foreach (var period in new RecurrencePatternEvaluator(rule).Evaluate(start, periodStart, options))
        {
            var local = period.StartTime.Value;
            var date = DateOnly.FromDateTime(local);
            if (date > to)
            {
                yield break;
            }

            if (date >= from && local >= firstLocalStart)
            {
                yield return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            }
        }
    }
}

/// <summary>The common patterns the activity form offers in plain words (每週一至五, 每月第一個星期六…).</summary>
public enum RecurrencePattern
{
    Once,
    Daily,
    Weekdays,
    Weekly,
    EveryTwoWeeks,
    MonthlyNthWeekday,
    Custom,
}

public static class RecurrencePatterns
{
    private static readonly string[] Codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static string DayCode(DayOfWeek d) => Codes[(int)d];

    /// <summary>
    /// Builds an RRULE from a pattern, the first date, the weekdays ticked (for weekly patterns) and an end date.
    /// <paramref name="nth"/> is 1–4 or -1 (last) for monthly patterns; the weekday is the first date's.
    /// </summary>
    public static string? Build(RecurrencePattern pattern, DateOnly first, IReadOnlyCollection<DayOfWeek> days, DateOnly until, int nth = 1)
    {
        var end = $";UNTIL={until:yyyyMMdd}T235959";
        var byDay = days.Count == 0 ? DayCode(first.DayOfWeek) : string.Join(',', days.OrderBy(d => ((int)d + 6) % 7).Select(DayCode));
        return pattern switch
        {
            RecurrencePattern.Once => null,
            RecurrencePattern.Daily => "FREQ=DAILY" + end,
            RecurrencePattern.Weekdays => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" + end,
            RecurrencePattern.Weekly => $"FREQ=WEEKLY;BYDAY={byDay}" + end,
            RecurrencePattern.EveryTwoWeeks => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={byDay}" + end,
            RecurrencePattern.MonthlyNthWeekday => $"FREQ=MONTHLY;BYDAY={nth}{DayCode(first.DayOfWeek)}" + end,
            _ => null,
        };
    }
}
