using System.Globalization;
using Kaifong.Domain.Common;

namespace Kaifong.Domain.Signups;

/// <summary>One weekly window as the API and the form send it: <c>{dayOfWeek: "Monday", from: "09:00", to: "13:00"}</c>.</summary>
public sealed record WeeklyInput(string? DayOfWeek, string? From, string? To);

/// <summary>One dated exception as sent: <c>{date: "2026-12-24", from?: "14:00", to?: "18:00", available: false}</c>.</summary>
public sealed record ExceptionInput(string? Date, string? From, string? To, bool? Available);

/// <summary>A person's whole availability in one organisation, as sent to be stored in place of what was there.</summary>
public sealed record AvailabilityInput(IReadOnlyList<WeeklyInput?>? Weekly, IReadOnlyList<ExceptionInput?>? Exceptions);

/// <summary>A checked weekly window; <see cref="To"/> is <see cref="TimeOnly.MaxValue"/> for "24:00" (until midnight).</summary>
public sealed record WeeklyWindow(DayOfWeek DayOfWeek, TimeOnly From, TimeOnly To);

/// <summary>A checked exception: all day when <see cref="From"/> is null.</summary>
public sealed record DatedException(DateOnly Date, TimeOnly? From, TimeOnly? To, bool Available)
{
    public bool AllDay => From is null;
}

/// <summary>An availability set that passed <see cref="AvailabilitySet.Validate"/>, normalised (merged and sorted).</summary>
public sealed record ValidAvailability(IReadOnlyList<WeeklyWindow> Weekly, IReadOnlyList<DatedException> Exceptions);

public static class AvailabilityErrors
{
    public static Error TooMany(string field, int max) => new("availability.too_many", "Error.AvailabilityTooMany", Field: field, Args: [max]);

    public static Error Required(string field) => new("validation", "Error.Required", Field: field);

    public static Error Day(string field) => new("availability.invalid_day", "Error.AvailabilityDay", Field: field);

    public static Error Time(string field) => new("availability.invalid_time", "Error.AvailabilityTime", Field: field);

    public static Error EndBeforeStart(string field) => new("availability.end_before_start", "Error.AvailabilityEndBeforeStart", Field: field);

    public static Error TimesTogether(string field) => new("availability.invalid_time", "Error.AvailabilityTimesTogether", Field: field);

    public static Error Date(string field) => new("availability.invalid_date", "Error.AvailabilityDate", Field: field);

    public static Error DatePast(string field) => new("availability.date_past", "Error.AvailabilityDatePast", Field: field);

    public static Error DateTooFar(string field, DateOnly last) =>
        new("availability.date_too_far", "Error.AvailabilityDateTooFar", Field: field, Args: [last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);

    public static Error Conflict(string field, DateOnly date) =>
        new("availability.conflict", "Error.AvailabilityConflict", Field: field, Args: [date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
}

/// <summary>
/// Checks and normalises a person's availability (可服務時段) before it replaces what was stored:
/// times "HH:mm" on quarter hours ("24:00" ends a window at midnight), from before to; weekly windows on the same day that
/// overlap or touch are merged into one (09:00–13:00 and 13:00–18:00 become 09:00–18:00, so a 12:00–14:00 shift is
/// covered); both lists must be sent (an empty list clears); exception dates from today up to a year ahead; on one date, entries saying the same thing are merged and
/// entries that contradict each other (available and not, at overlapping times) are refused; at most
/// <see cref="MaxWeekly"/> weekly windows and <see cref="MaxExceptions"/> exceptions.
/// </summary>
public static class AvailabilitySet
{
    public const int MaxWeekly = 50;
    public const int MaxExceptions = 400;
    public const int StepMinutes = 15;

    /// <summary>Monday first, as Hong Kong calendars and rosters are read.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string[] Codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static (ValidAvailability? Value, IReadOnlyList<Error> Errors) Validate(AvailabilityInput? input, DateOnly today)
    {
        var errors = new List<Error>();
        var weeklyInput = input?.Weekly ?? [];
        var exceptionInput = input?.Exceptions ?? [];
        if (input?.Weekly is null)
        {
            errors.Add(AvailabilityErrors.Required("weekly"));
        }

        if (input?.Exceptions is null)
        {
            errors.Add(AvailabilityErrors.Required("exceptions"));
        }

        if (weeklyInput.Count > MaxWeekly)
        {
            errors.Add(AvailabilityErrors.TooMany("weekly", MaxWeekly));
        }

        if (exceptionInput.Count > MaxExceptions)
        {
            errors.Add(AvailabilityErrors.TooMany("exceptions", MaxExceptions));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var weekly = new List<WeeklyWindow>();
        for (var i = 0; i < weeklyInput.Count; i++)
        {
            var field = $"weekly[{i}]";
            if (weeklyInput[i] is not { } w)
            {
                errors.Add(AvailabilityErrors.Required(field));
                continue;
            }

            var day = ParseDay(w.DayOfWeek);
            if (day is null)
            {
                errors.Add(AvailabilityErrors.Day(field + ".dayOfWeek"));
            }

            if (Window(w.From, w.To, field, errors) is { } window && day is not null)
            {
                weekly.Add(new WeeklyWindow(day.Value, window.From, window.To));
            }
        }

        var exceptions = new List<(int Index, DatedException Value)>();
        var last = today.AddYears(1);
        for (var i = 0; i < exceptionInput.Count; i++)
        {
            var field = $"exceptions[{i}]";
            if (exceptionInput[i] is not { } e)
            {
                errors.Add(AvailabilityErrors.Required(field));
                continue;
            }

            var date = ParseDate(e.Date);
            var ok = true;
            if (date is null)
            {
                errors.Add(AvailabilityErrors.Date(field + ".date"));
                ok = false;
            }
            else if (date < today)
            {
                errors.Add(AvailabilityErrors.DatePast(field + ".date"));
                ok = false;
            }
            else if (date > last)
            {
                errors.Add(AvailabilityErrors.DateTooFar(field + ".date", last));
                ok = false;
            }

            if (e.Available is null)
            {
                errors.Add(AvailabilityErrors.Required(field + ".available"));
                ok = false;
            }

            (TimeOnly From, TimeOnly To)? hours = null;
            if (string.IsNullOrWhiteSpace(e.From) != string.IsNullOrWhiteSpace(e.To))
            {
                errors.Add(AvailabilityErrors.TimesTogether(field + (string.IsNullOrWhiteSpace(e.From) ? ".from" : ".to")));
                ok = false;
            }
            else if (!string.IsNullOrWhiteSpace(e.From))
            {
                hours = Window(e.From, e.To, field, errors);
                ok &= hours is not null;
            }

            if (ok)
            {
                exceptions.Add((i, new DatedException(date!.Value, hours?.From, hours?.To, e.Available!.Value)));
            }
        }

        var normalised = NormaliseExceptions(exceptions, errors);
        return errors.Count > 0 ? (null, errors) : (new ValidAvailability(Merge(weekly), normalised), errors);
    }

    /// <summary>Windows on the same day that overlap or touch become one; sorted Monday first, then by start.</summary>
    public static IReadOnlyList<WeeklyWindow> Merge(IEnumerable<WeeklyWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var result = new List<WeeklyWindow>();
        foreach (var day in windows.GroupBy(w => w.DayOfWeek).OrderBy(g => DayIndex(g.Key)))
        {
            foreach (var (from, to) in MergeIntervals(day.Select(w => (w.From, w.To))))
            {
                result.Add(new WeeklyWindow(day.Key, from, to));
            }
        }

        return result;
    }

    /// <summary>Sorted intervals with overlapping or touching ones joined.</summary>
    public static IReadOnlyList<(TimeOnly From, TimeOnly To)> MergeIntervals(IEnumerable<(TimeOnly From, TimeOnly To)> intervals)
    {
        var merged = new List<(TimeOnly From, TimeOnly To)>();
        foreach (var (from, to) in intervals.OrderBy(x => x.From).ThenBy(x => x.To))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, to > merged[^1].To ? to : merged[^1].To);
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    /// <summary>0 for Monday … 6 for Sunday.</summary>
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>"Monday" (any case) or the iCalendar code "MO"; numbers are not days.</summary>
    public static DayOfWeek? ParseDay(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 9)
        {
            return null;
        }

        foreach (var day in Week)
        {
            if (string.Equals(t, day.ToString(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, Codes[(int)day], StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>"HH:mm" (or "H:mm") on a quarter hour; "24:00" is the end of the day (<see cref="TimeOnly.MaxValue"/>).</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var t = text?.Trim();
        if (t is "24:00")
        {
            return TimeOnly.MaxValue;
        }

        return TimeOnly.TryParseExact(t, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Minute % StepMinutes == 0
            ? time
            : null;
    }

    public static string FormatTime(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        Dates.Parse(text);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (TimeOnly From, TimeOnly To)? Window(string? fromText, string? toText, string field, List<Error> errors)
    {
        var from = ParseTime(fromText);
        var to = ParseTime(toText);
        if (from is null || from == TimeOnly.MaxValue)
        {
            errors.Add(AvailabilityErrors.Time(field + ".from"));
        }

        if (to is null)
        {
            errors.Add(AvailabilityErrors.Time(field + ".to"));
        }

        if (from is null || to is null || from == TimeOnly.MaxValue)
        {
            return null;
        }

        if (to <= from)
        {
            errors.Add(AvailabilityErrors.EndBeforeStart(field + ".to"));
            return null;
        }

        return (from.Value, to.Value);
    }

    /// <summary>
    /// Per date, in the order sent: an entry that contradicts one already accepted (the other answer, at times that overlap;
    /// all day overlaps everything) is refused; entries that agree are merged (all day absorbs hours; hours that overlap or
    /// touch are joined).
    /// </summary>
    private static IReadOnlyList<DatedException> NormaliseExceptions(List<(int Index, DatedException Value)> entries, List<Error> errors)
    {
        var result = new List<DatedException>();
        foreach (var date in entries.GroupBy(e => e.Value.Date).OrderBy(g => g.Key))
        {
            var accepted = new List<DatedException>();
            foreach (var (index, e) in date)
            {
                if (accepted.Any(a => a.Available != e.Available && Overlaps(a, e)))
                {
                    errors.Add(AvailabilityErrors.Conflict($"exceptions[{index}]", e.Date));
                    continue;
                }

                accepted.Add(e);
            }

            foreach (var answer in accepted.GroupBy(a => a.Available).OrderBy(g => g.Key))
            {
                if (answer.Any(a => a.AllDay))
                {
                    result.Add(new DatedException(date.Key, null, null, answer.Key));
                    continue;
                }

                result.AddRange(MergeIntervals(answer.Select(a => (a.From!.Value, a.To!.Value)))
                    .Select(x => new DatedException(date.Key, x.From, x.To, answer.Key)));
            }
        }

        return result.OrderBy(e => e.Date).ThenBy(e => e.From ?? TimeOnly.MinValue).ToList();
    }

    private static bool Overlaps(DatedException a, DatedException b) =>
        a.AllDay || b.AllDay || (a.From < b.To && b.From < a.To);
}

/// <summary>上午 / 下午 / 晚上: the three parts of a day the availability page toggles.</summary>
public enum DayPart
{
    Morning,
    Afternoon,
    Evening,
}

/// <summary>
/// The page's weekly pattern is three toggles a day (fastest on a phone: at most 21 taps, no time pickers). A toggle is on
/// when a stored window covers that whole part; whatever the parts do not explain (hours set through the API, say
/// 07:00–08:00) is kept as an "extra" window, so splitting and joining again gives back exactly what was stored.
/// </summary>
public static class DayParts
{
    public static readonly IReadOnlyList<DayPart> All = [DayPart.Morning, DayPart.Afternoon, DayPart.Evening];

    public static (TimeOnly From, TimeOnly To) Hours(DayPart part) => part switch
    {
        DayPart.Morning => (new TimeOnly(8, 0), new TimeOnly(13, 0)),
        DayPart.Afternoon => (new TimeOnly(13, 0), new TimeOnly(18, 0)),
        _ => (new TimeOnly(18, 0), new TimeOnly(22, 0)),
    };

    /// <summary>The parts each window covers whole, and the rest of the windows as extra windows.</summary>
    public static (IReadOnlySet<(DayOfWeek Day, DayPart Part)> Parts, IReadOnlyList<WeeklyWindow> Extras) Split(IEnumerable<WeeklyWindow> windows)
    {
        var merged = AvailabilitySet.Merge(windows);
        var parts = new HashSet<(DayOfWeek, DayPart)>();
        var extras = new List<WeeklyWindow>();
        foreach (var w in merged)
        {
            var covered = All.Where(p => w.From <= Hours(p).From && Hours(p).To <= w.To).ToList();
            parts.UnionWith(covered.Select(p => (w.DayOfWeek, p)));
            var cursor = w.From;
            foreach (var (from, to) in AvailabilitySet.MergeIntervals(covered.Select(Hours)))
            {
                if (cursor < from)
                {
                    extras.Add(new WeeklyWindow(w.DayOfWeek, cursor, from));
                }

                cursor = to;
            }

            if (cursor < w.To)
            {
                extras.Add(new WeeklyWindow(w.DayOfWeek, cursor, w.To));
            }
        }

        return (parts, extras);
    }

    /// <summary>The windows the toggled parts and the kept extra windows make, merged.</summary>
    public static IReadOnlyList<WeeklyWindow> Join(IEnumerable<(DayOfWeek Day, DayPart Part)> parts, IEnumerable<WeeklyWindow> extras) =>
        AvailabilitySet.Merge(parts.Select(p => new WeeklyWindow(p.Day, Hours(p.Part).From, Hours(p.Part).To)).Concat(extras));
}
