using System.Globalization;

namespace Kaifong.Rostering.Bench;

/// <summary>
/// A seeded, realistic month for Hong Kong NGOs: centres of about 75 volunteers and 300 shifts each (the seed's 荃灣
/// centre is one), weekday programmes (長者送飯 with a driver, 課後輔導, 探訪長者, 熱線) and weekend ones (社區飯局 with a
/// first-aider, 活動支援); volunteers belong to one centre (one in ten to two), hold 駕駛執照 or 急救證書 now and then,
/// have weekly availability patterns with blackout days, monthly limits, weekend limits and a few wants and avoids.
/// The centre is a tag every shift of the centre requires, so a volunteer is only eligible where they serve.
/// </summary>
public static class NgoGenerator
{
    private static readonly string[] Centres =
    [
        "荃灣", "深水埗", "觀塘", "沙田", "屯門", "元朗", "葵青", "黃大仙", "東區", "南區", "油尖旺", "九龍城", "灣仔", "中西區",
        "北區", "大埔", "西貢", "離島",
    ];

    private sealed record Template(string Name, string Start, string End, string[] Skills, int Min, int Target, int Max, bool Weekday, bool Weekend);

    private static readonly Template[] Templates =
    [
        new("送飯上午班", "09:00", "12:00", [], 0, 3, 4, true, false),
        new("送飯司機班", "09:00", "12:00", ["駕駛執照"], 0, 1, 1, true, false),
        new("送飯午間班", "11:30", "14:00", [], 0, 2, 3, true, true),
        new("探訪長者", "14:00", "17:00", [], 0, 2, 3, true, true),
        new("課後輔導", "15:30", "18:00", [], 0, 2, 3, true, false),
        new("社區飯局", "17:00", "21:00", [], 0, 4, 6, false, true),
        new("飯局急救員", "17:00", "21:00", ["急救證書"], 0, 1, 1, false, true),
        new("活動支援", "10:00", "13:00", [], 0, 2, 3, false, true),
        new("熱線接聽", "19:00", "22:00", [], 0, 1, 2, true, true),
    ];

    public const string Start = "2026-12-01";
    public const int Days = 31;

    public static RosterProblem Generate(int volunteerCount, int shiftCount, int seed)
    {
        var random = new Random(seed);
        var start = DateOnly.ParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var centres = Math.Max(1, (int)Math.Round(shiftCount / 300.0));
        string Centre(int k) => k < Centres.Length ? Centres[k] + "中心" : $"{Centres[k % Centres.Length]}第{k / Centres.Length + 1}中心";

        var shifts = new List<ShiftSpec>();
        for (var k = 0; k < centres; k++)
        {
            var perCentre = shiftCount / centres + (k < shiftCount % centres ? 1 : 0);
            var perDay = Enumerable.Repeat(perCentre / Days, Days).ToArray();
            for (var r = 0; r < perCentre % Days; r++)
            {
                perDay[(r * 7 + k) % Days]++;
            }
            for (var d = 0; d < Days; d++)
            {
                var weekend = start.AddDays(d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var menu = Templates.Where(t => weekend ? t.Weekend : t.Weekday).ToArray();
                for (var i = 0; i < perDay[d]; i++)
                {
                    var t = menu[(i + k) % menu.Length];
                    var team = i / menu.Length;
                    shifts.Add(new ShiftSpec
                    {
                        Id = $"c{k}-d{d}-{i}",
                        Day = d,
                        Type = t.Name,
                        Start = t.Start,
                        End = t.End,
                        Skills = [Centre(k), .. t.Skills],
                        Minimum = team == 0 ? t.Min : 0,
                        Target = t.Target,
                        Maximum = t.Max,
                        UnderWeight = t.Name.StartsWith("送飯", StringComparison.Ordinal) ? 120 : 100,
                        OverWeight = 5,
                    });
                }
            }
        }
        var byCentre = shifts.GroupBy(s => s.Skills[0]).ToDictionary(g => g.Key, g => g.ToList());

        var volunteers = new List<VolunteerSpec>();
        for (var i = 0; i < volunteerCount; i++)
        {
            var home = Centre(i % centres);
            var skills = new List<string> { home };
            if (centres > 1 && random.NextDouble() < 0.1)
            {
                skills.Add(Centre(random.Next(centres)));
            }
            if (random.NextDouble() < 0.15)
            {
                skills.Add("駕駛執照");
            }
            if (random.NextDouble() < 0.25)
            {
                skills.Add("急救證書");
            }
            // Weekly pattern: retirees (weekdays), workers (evenings and weekends), students (afternoons, weekends).
            var kind = random.Next(3);
            var weekdays = kind switch
            {
                0 => new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Where(_ => random.NextDouble() < 0.7).ToHashSet(),
                1 => new[] { DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Wednesday }.Where(_ => random.NextDouble() < 0.8).ToHashSet(),
                _ => new[] { DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Thursday }.Where(_ => random.NextDouble() < 0.75).ToHashSet(),
            };
            var blackout = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(Days)).ToHashSet();
            var off = Enumerable.Range(0, Days).Where(d => !weekdays.Contains(start.AddDays(d).DayOfWeek) || blackout.Contains(d)).ToList();
            var mine = skills.Where(byCentre.ContainsKey).SelectMany(c => byCentre[c]).Where(s => !off.Contains(s.Day)).ToList();
            var unavailable = kind == 2 ? mine.Where(s => string.CompareOrdinal(s.Start, "12:00") < 0 && random.NextDouble() < 0.5).Select(s => s.Id).ToList() : [];
            var maxShifts = random.Next(4, 11);
            var wants = Pick(mine, random, random.Next(0, 4)).Select(s => new WeightedShift(s.Id, random.Next(1, 4))).ToList();
            var avoids = Pick(mine, random, random.Next(0, 3)).Where(s => wants.All(w => w.Shift != s.Id)).Select(s => new WeightedShift(s.Id, random.Next(1, 3))).ToList();
            volunteers.Add(new VolunteerSpec
            {
                Id = $"v{i + 1}",
                Skills = skills.Distinct().ToList(),
                MaxShifts = maxShifts,
                MaxShiftsPerType = random.NextDouble() < 0.3 ? new Dictionary<string, int> { ["熱線接聽"] = 2 } : new Dictionary<string, int>(),
                MinMinutes = 0,
                MaxMinutes = maxShifts * 200,
                MaxConsecutiveDays = random.Next(3, 6),
                MaxWeekends = random.Next(2, 5),
                UnavailableDays = off,
                UnavailableShifts = unavailable,
                Wants = wants,
                Avoids = avoids,
            });
        }

        return new RosterProblem
        {
            Start = Start,
            Days = Days,
            Shifts = shifts,
            Volunteers = volunteers,
            ForbiddenNextDay = [new ForbiddenNextDay("熱線接聽", "送飯上午班")],
            MinRestMinutes = 30,
            OneShiftPerDay = false,
            FairnessWeight = 5,
        };
    }

    private static IEnumerable<ShiftSpec> Pick(List<ShiftSpec> from, Random random, int n) =>
        from.Count == 0 ? [] : Enumerable.Range(0, n).Select(_ => from[random.Next(from.Count)]).DistinctBy(s => s.Id);
}
