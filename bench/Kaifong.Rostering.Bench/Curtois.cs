using System.Globalization;
using Kaifong.Rostering;

namespace Kaifong.Rostering.Bench;

/// <summary>
/// Converts a Curtois &amp; Qu instance (schedulingbenchmarks.org text format) to roster problem v1: one shift per day
/// and shift type; cover requirement = target, minimum 0, no maximum, the cover row's under/over weights; shift-on
/// requests = wants, shift-off requests = avoids; days off = unavailableDays; staff limits as given; oneShiftPerDay.
/// Day 0 is a Monday (2024-01-01). Shifts get a nominal 08:00 start and their length; since at most one shift a day is
/// worked and there is no rest rule, the clock times change nothing.
/// </summary>
public static class Curtois
{
    public const string StartMonday = "2024-01-01";

    public static RosterProblem Convert(string text)
    {
        var sections = Sections(text);
        var days = int.Parse(sections["SECTION_HORIZON"].Single()[0], CultureInfo.InvariantCulture);
        var types = sections["SECTION_SHIFTS"].Select(r => (Id: r[0], Minutes: Int(r[1]), NotNext: r.Length > 2 ? r[2].Split('|', StringSplitOptions.RemoveEmptyEntries) : [])).ToList();

        var cover = sections["SECTION_COVER"].ToDictionary(r => (Day: Int(r[0]), Type: r[1]), r => (Need: Int(r[2]), Under: Int(r[3]), Over: Int(r[4])));
        var shifts = new List<ShiftSpec>();
        for (var d = 0; d < days; d++)
        {
            foreach (var t in types)
            {
                var row = cover.TryGetValue((d, t.Id), out var r) ? r : (Need: 0, Under: 0, Over: 0);
                var end = (8 * 60 + t.Minutes) % 1440;
                shifts.Add(new ShiftSpec
                {
                    Id = ShiftId(d, t.Id),
                    Day = d,
                    Type = t.Id,
                    Start = "08:00",
                    End = $"{end / 60:00}:{end % 60:00}",
                    Minimum = 0,
                    Target = row.Need,
                    Maximum = null,
                    UnderWeight = row.Under,
                    OverWeight = row.Over,
                });
            }
        }

        var daysOff = sections.GetValueOrDefault("SECTION_DAYS_OFF", []).ToDictionary(r => r[0], r => r.Skip(1).Select(Int).ToList());
        var on = Requests(sections.GetValueOrDefault("SECTION_SHIFT_ON_REQUESTS", []));
        var off = Requests(sections.GetValueOrDefault("SECTION_SHIFT_OFF_REQUESTS", []));
        var volunteers = sections["SECTION_STAFF"].Select(r => new VolunteerSpec
        {
            Id = r[0],
            MaxShiftsPerType = r[1].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => Int(p[1])),
            MaxMinutes = Int(r[2]),
            MinMinutes = Int(r[3]),
            MaxConsecutiveDays = Int(r[4]),
            MinConsecutiveDays = Int(r[5]),
            MinConsecutiveDaysOff = Int(r[6]),
            MaxWeekends = Int(r[7]),
            UnavailableDays = daysOff.GetValueOrDefault(r[0], []),
            Wants = on.GetValueOrDefault(r[0], []),
            Avoids = off.GetValueOrDefault(r[0], []),
        }).ToList();

        return new RosterProblem
        {
            Start = StartMonday,
            Days = days,
            Shifts = shifts,
            Volunteers = volunteers,
            ForbiddenNextDay = [.. types.SelectMany(t => t.NotNext.Select(n => new ForbiddenNextDay(t.Id, n)))],
            OneShiftPerDay = true,
        };
    }

    private static string ShiftId(int day, string type) => string.Create(CultureInfo.InvariantCulture, $"d{day}-{type}");

    private static Dictionary<string, List<WeightedShift>> Requests(List<string[]> rows) =>
        rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => new WeightedShift(ShiftId(Int(r[1]), r[2]), Int(r[3]))).ToList());

    private static int Int(string s) => int.Parse(s.Trim(), CultureInfo.InvariantCulture);

    private static Dictionary<string, List<string[]>> Sections(string text)
    {
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        List<string[]>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("SECTION_", StringComparison.Ordinal))
            {
                result[line] = current = [];
                continue;
            }
            current?.Add([.. line.Split(',').Select(x => x.Trim())]);
        }
        return result;
    }
}
