using System.Collections.Frozen;
using System.Text.Json;
using Kaifong.Domain.Common;
using ICalCalendar = Ical.Net.Calendar;

namespace Kaifong.Domain.Calendar;

/// <summary>
/// Hong Kong general holidays (Sundays not listed). 2025–2027 ship as data (hk-holidays.json, embedded, with its
/// sources); later years come from the government's 1823 iCalendar files through <see cref="ParseIcs"/> and
/// <see cref="HolidayCalendar.With"/>.
/// </summary>
public static class HongKongHolidays
{
    private static readonly Lazy<HolidayCalendar> EmbeddedCalendar = new(LoadEmbedded);

    /// <summary>The shipped years, read once from the embedded data file.</summary>
    public static HolidayCalendar Embedded => EmbeddedCalendar.Value;

    /// <summary>The shipped holidays of <paramref name="year"/>; empty for a year we do not hold.</summary>
    public static IReadOnlyList<Holiday> For(int year) => Embedded.For(year);

    /// <summary>The shipped holidays from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<Holiday> Between(DateOnly from, DateOnly to) => Embedded.Between(from, to);

    /// <summary>
    /// Reads the government's holiday .ics (one file per language: 1823 publishes en, tc and sc). Each all-day
    /// VEVENT becomes a holiday named in <paramref name="language"/> ("zh-HK"/"tc", "en", "zh-CN"/"sc"); the other
    /// two names repeat that name until <see cref="Combine"/> joins the three files.
    /// </summary>
    public static IReadOnlyList<Holiday> ParseIcs(string ics, string language)
    {
        ArgumentNullException.ThrowIfNull(ics);
        _ = language?.Trim().ToUpperInvariant() switch
        {
            "TC" => Languages.ZhHk,
            "SC" => Languages.ZhCn,
            _ => Languages.Normalise(language),
        } ?? throw new ArgumentException($"Unknown language '{language}'.", nameof(language));

        var calendar = ICalCalendar.Load(ics) ?? throw new FormatException("Not an iCalendar file.");
        var holidays = new SortedDictionary<DateOnly, Holiday>();
        foreach (var e in calendar.Events)
        {
            if (e.DtStart is null || string.IsNullOrWhiteSpace(e.Summary))
            {
                continue;
            }

            var name = e.Summary.Trim();
            var date = e.DtStart.Date;
            holidays[date] = new Holiday(date, name, name, name);
        }

        return [.. holidays.Values];
    }

    /// <summary>
    /// Joins the three language files of the same years into holidays with all three names, by date. A date missing
    /// from the English or Simplified Chinese file keeps the Traditional Chinese name there.
    /// </summary>
    public static IReadOnlyList<Holiday> Combine(IReadOnlyList<Holiday> zhHk, IReadOnlyList<Holiday> en, IReadOnlyList<Holiday> zhCn)
    {
        ArgumentNullException.ThrowIfNull(zhHk);
        ArgumentNullException.ThrowIfNull(en);
        ArgumentNullException.ThrowIfNull(zhCn);
        var english = en.ToDictionary(h => h.Date, h => h.NameEn);
        var simplified = zhCn.ToDictionary(h => h.Date, h => h.NameZhCn);
        return [.. zhHk
            .OrderBy(h => h.Date)
            .Select(h => new Holiday(h.Date, h.NameZhHk, english.GetValueOrDefault(h.Date, h.NameZhHk), simplified.GetValueOrDefault(h.Date, h.NameZhHk)))];
    }

    private static HolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(HongKongHolidays).Assembly.GetManifestResourceStream("Kaifong.Domain.Calendar.hk-holidays.json")
            ?? throw new InvalidOperationException("The embedded holiday data is missing.");
        using var json = JsonDocument.Parse(stream);
        var list = new List<Holiday>();
        foreach (var year in json.RootElement.GetProperty("years").EnumerateObject())
        {
            foreach (var h in year.Value.GetProperty("holidays").EnumerateArray())
            {
                list.Add(new Holiday(
                    DateOnly.ParseExact(h.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    h.GetProperty("zhHK").GetString()!,
                    h.GetProperty("en").GetString()!,
                    h.GetProperty("zhCN").GetString()!));
            }
        }

        return new HolidayCalendar(list);
    }
}

/// <summary>An immutable set of holidays, by date.</summary>
public sealed class HolidayCalendar
{
    private readonly FrozenDictionary<int, Holiday[]> byYear;

    public HolidayCalendar(IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        byYear = holidays
            .GroupBy(h => h.Date)
            .Select(g => g.Last())
            .GroupBy(h => h.Date.Year)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(h => h.Date).ToArray());
    }

    /// <summary>The years held, in order.</summary>
    public IReadOnlyList<int> Years => [.. byYear.Keys.Order()];

    public IReadOnlyList<Holiday> For(int year) => byYear.TryGetValue(year, out var list) ? list : [];

    /// <summary>Holidays from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IReadOnlyList<Holiday> Between(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return [];
        }

        var result = new List<Holiday>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            result.AddRange(For(year).Where(h => h.Date >= from && h.Date <= to));
        }

        return result;
    }

    /// <summary>
    /// This calendar with <paramref name="imported"/> added. An imported year replaces the same year here whole, so a
    /// re-gazetted year (an extra holiday, a moved substitute) leaves nothing stale behind.
    /// </summary>
    public HolidayCalendar With(IEnumerable<Holiday> imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var added = imported.ToList();
        var replacedYears = added.Select(h => h.Date.Year).ToHashSet();
        return new HolidayCalendar(byYear.Values.SelectMany(l => l).Where(h => !replacedYears.Contains(h.Date.Year)).Concat(added));
    }
}
