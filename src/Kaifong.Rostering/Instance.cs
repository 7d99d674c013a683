namespace Kaifong.Rostering;

/// <summary>A validated problem in index form, shared by the CP-SAT model, the greedy baseline and the explanations
/// (the checker deliberately does not use it). Times are minutes from the horizon's first midnight.</summary>
internal sealed class Instance
{
    public Instance(RosterProblem p)
    {
        Problem = p;
        H = p.Days;
        S = p.Shifts.Count;
        V = p.Volunteers.Count;
        StartDate = ProblemValidator.ParseDate(p.Start, "start");

        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        Types = [];
        ShiftIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        Day = new int[S];
        Type = new int[S];
        Begin = new int[S];
        End = new int[S];
        Length = new int[S];
        Min = new int[S];
        Target = new int[S];
        Max = new int[S];
        ShiftsByDay = new List<int>[H];
        for (var d = 0; d < H; d++)
        {
            ShiftsByDay[d] = [];
        }
        for (var s = 0; s < S; s++)
        {
            var spec = p.Shifts[s];
            ShiftIndex[spec.Id] = s;
            if (!typeIndex.TryGetValue(spec.Type, out var t))
            {
                t = Types.Count;
                typeIndex[spec.Type] = t;
                Types.Add(spec.Type);
            }
            Type[s] = t;
            Day[s] = spec.Day;
            var from = spec.Start is null ? 0 : ProblemValidator.ParseTime(spec.Start, "start");
            var to = spec.End is null ? from : ProblemValidator.ParseTime(spec.End, "end");
            Length[s] = to > from ? to - from : to < from ? to + 1440 - from : 0;
            Begin[s] = spec.Day * 1440 + from;
            End[s] = Begin[s] + Length[s];
            Min[s] = spec.Minimum;
            Target[s] = spec.TargetOrMinimum;
            Max[s] = spec.Maximum ?? int.MaxValue;
            ShiftsByDay[spec.Day].Add(s);
        }
        TypeIndex = typeIndex;

        VolunteerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        Eligible = new int[V][];
        var bySignature = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var s = 0; s < S; s++)
        {
            var key = string.Join('\u0001', p.Shifts[s].Skills.Distinct().Order(StringComparer.Ordinal));
            if (!bySignature.TryGetValue(key, out var list))
            {
                bySignature[key] = list = [];
            }
            list.Add(s);
        }
        var groups = bySignature.Values.Select(l => (Skills: p.Shifts[l[0]].Skills.Distinct().ToArray(), Shifts: l)).ToArray();
        for (var v = 0; v < V; v++)
        {
            var spec = p.Volunteers[v];
            VolunteerIndex[spec.Id] = v;
            var skills = spec.Skills.ToHashSet(StringComparer.Ordinal);
            var offDays = new bool[H];
            foreach (var d in spec.UnavailableDays)
            {
                offDays[d] = true;
            }
            var offShifts = spec.UnavailableShifts.Select(id => ShiftIndex[id]).ToHashSet();
            var eligible = new List<int>();
            foreach (var (need, shifts) in groups)
            {
                if (need.All(skills.Contains))
                {
                    eligible.AddRange(shifts.Where(s => !offDays[Day[s]] && !offShifts.Contains(s)));
                }
            }
            eligible.Sort();
            Eligible[v] = [.. eligible];
        }
        EligibleFor = new List<int>[S];
        for (var s = 0; s < S; s++)
        {
            EligibleFor[s] = [];
        }
        for (var v = 0; v < V; v++)
        {
            foreach (var s in Eligible[v])
            {
                EligibleFor[s].Add(v);
            }
        }

        foreach (var (list, target) in new[] { (p.Volunteers.Select(x => x.Wants), Wants), (p.Volunteers.Select(x => x.Avoids), Avoids) })
        {
            var v = 0;
            foreach (var items in list)
            {
                foreach (var w in items)
                {
                    var key = Key(ShiftIndex[w.Shift], v);
                    target[key] = target.GetValueOrDefault(key) + w.Weight;
                }
                v++;
            }
        }
        foreach (var a in p.Previous)
        {
            Previous.Add(Key(ShiftIndex[a.Shift], VolunteerIndex[a.Volunteer]));
        }
        foreach (var a in p.Locked)
        {
            Locked.Add(Key(ShiftIndex[a.Shift], VolunteerIndex[a.Volunteer]));
        }
        Forbidden = new bool[Types.Count, Types.Count];
        foreach (var r in p.ForbiddenNextDay)
        {
            Forbidden[typeIndex[r.Type], typeIndex[r.Next]] = true;
        }

        // Weekends: each Saturday–Sunday pair that meets the horizon (a lone Sunday on day 0 or a lone Saturday
        // on the last day is a weekend of its own).
        var firstWeekday = (int)StartDate.DayOfWeek;
        var weekends = new List<int[]>();
        for (var d = 0; d < H; d++)
        {
            var wd = (firstWeekday + d) % 7;
            if (wd == 6)
            {
                weekends.Add(d + 1 < H ? [d, d + 1] : [d]);
            }
            else if (wd == 0 && d == 0)
            {
                weekends.Add([0]);
            }
        }
        Weekends = [.. weekends];
        WeekendOfDay = new int[H];
        Array.Fill(WeekendOfDay, -1);
        for (var k = 0; k < Weekends.Length; k++)
        {
            foreach (var d in Weekends[k])
            {
                WeekendOfDay[d] = k;
            }
        }
    }

    public RosterProblem Problem { get; }

    public int H { get; }

    public int S { get; }

    public int V { get; }

    public DateOnly StartDate { get; }

    public List<string> Types { get; }

    public IReadOnlyDictionary<string, int> TypeIndex { get; }

    public Dictionary<string, int> ShiftIndex { get; }

    public Dictionary<string, int> VolunteerIndex { get; }

    public int[] Day { get; }

    public int[] Type { get; }

    public int[] Begin { get; }

    public int[] End { get; }

    public int[] Length { get; }

    public int[] Min { get; }

    public int[] Target { get; }

    public int[] Max { get; }

    public List<int>[] ShiftsByDay { get; }

    /// <summary>Per volunteer, the shifts whose skills they have and that fall on no unavailable day or shift (sorted).</summary>
    public int[][] Eligible { get; }

    /// <summary>Per shift, the eligible volunteers (ascending).</summary>
    public List<int>[] EligibleFor { get; }

    public Dictionary<long, long> Wants { get; } = [];

    public Dictionary<long, long> Avoids { get; } = [];

    public HashSet<long> Previous { get; } = [];

    public HashSet<long> Locked { get; } = [];

    /// <summary>[type, next]: a shift of type next may not follow one of type on the next day.</summary>
    public bool[,] Forbidden { get; }

    public int[][] Weekends { get; }

    public int[] WeekendOfDay { get; }

    public long Key(int s, int v) => (long)s * V + v;

    public (int Shift, int Volunteer) Unkey(long key) => ((int)(key / V), (int)(key % V));

    public VolunteerSpec Vol(int v) => Problem.Volunteers[v];

    public ShiftSpec Shift(int s) => Problem.Shifts[s];

    /// <summary>Two shifts one person cannot both work: overlapping, closer than minRestMinutes, or on one day
    /// when oneShiftPerDay is set.</summary>
    public bool Clash(int a, int b)
    {
        if (a == b)
        {
            return false;
        }
        if (Problem.OneShiftPerDay && Day[a] == Day[b])
        {
            return true;
        }
        if (Length[a] == 0 || Length[b] == 0)
        {
            return false;
        }
        var rest = Problem.MinRestMinutes;
        return Begin[a] < End[b] + rest && Begin[b] < End[a] + rest;
    }

    public bool ForbiddenPair(int first, int second) =>
        Day[second] == Day[first] + 1 && Forbidden[Type[first], Type[second]];

    /// <summary>The number of shifts the fairness term counts a volunteer in for: those with any eligible shift.</summary>
    public bool Active(int v) => Eligible[v].Length > 0;

    public int TypeLimit(int v, int type) =>
        Vol(v).MaxShiftsPerType.TryGetValue(Types[type], out var limit) ? limit : int.MaxValue;
}
