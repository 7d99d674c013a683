namespace Kaifong.Rostering;

/// <summary>
/// The baseline: what a coordinator with a spreadsheet does. Locked assignments first; then each shift in time
/// order is filled to its minimum and, in a second pass, up to its target, each time with the eligible volunteer who has the fewest shifts so far
/// (ties: no avoid, then the larger want, then input order), skipping anyone the upper-limit rules forbid
/// (overlap, rest, one shift a day, maximum, maxShifts, maxShiftsPerType, maxMinutes, forbiddenNextDay,
/// maxConsecutiveDays, maxWeekends, minConsecutiveDaysOff). It never looks back, so minimum-style rules
/// (minimum head count, minMinutes, minConsecutiveDays) can stay broken; the checker says so.
/// It is the reference the optimiser is compared with and the optimiser's first hint, not a fallback.
/// </summary>
internal static class Greedy
{
    public static List<(int Shift, int Volunteer)> Solve(Instance c) => Solve(c, scarcityFirst: false);

    /// <summary>
    /// With <paramref name="scarcityFirst"/>, a second heuristic used only as a warm start for the optimiser (never
    /// reported as the baseline): the shifts with the fewest eligible volunteers per place go first, and each place goes
    /// to the volunteer with the fewest eligible shifts (the least flexible), keeping flexible people for later.
    /// </summary>
    public static List<(int Shift, int Volunteer)> Solve(Instance c, bool scarcityFirst)
    {
        var state = new GreedyState(c);
        foreach (var key in c.Locked)
        {
            var (s, v) = c.Unkey(key);
            state.Assign(s, v);
        }
        var order = scarcityFirst
            ? [.. Enumerable.Range(0, c.S).OrderBy(s => (double)c.EligibleFor[s].Count / Math.Max(1, c.Target[s])).ThenByDescending(s => c.Shift(s).UnderWeight).ThenBy(s => c.Begin[s]).ThenBy(s => s)]
            : Enumerable.Range(0, c.S).OrderBy(s => c.Begin[s]).ThenBy(s => s).ToArray();
        // First every shift's minimum, then up to the target.
        foreach (var s in order)
        {
            Fill(c, state, s, Math.Min(c.Min[s], c.Max[s]), scarcityFirst);
        }
        foreach (var s in order)
        {
            Fill(c, state, s, Math.Min(Math.Max(c.Target[s], c.Min[s]), c.Max[s]), scarcityFirst);
        }
        return state.Assignments;
    }

    private static void Fill(Instance c, GreedyState state, int s, int wanted, bool scarcityFirst)
    {
        {
            while (state.Count[s] < wanted)
            {
                var best = -1;
                (long, long, long) bestKey = default;
                foreach (var v in c.EligibleFor[s])
                {
                    if (!state.CanTake(s, v))
                    {
                        continue;
                    }
                    var k = c.Key(s, v);
                    (long, long, long) key = scarcityFirst
                        ? (c.Avoids.ContainsKey(k) ? 1 : 0, c.Eligible[v].Length, state.Load[v])
                        : (state.Load[v], c.Avoids.ContainsKey(k) ? 1 : 0, -c.Wants.GetValueOrDefault(k));
                    if (best < 0 || key.CompareTo(bestKey) < 0)
                    {
                        best = v;
                        bestKey = key;
                    }
                }
                if (best < 0)
                {
                    break;
                }
                state.Assign(s, best);
            }
        }
    }
}

/// <summary>Incremental roster state with the upper-limit checks the greedy baseline and the explanations use.</summary>
internal sealed class GreedyState
{
    private readonly Instance _c;
    private readonly HashSet<long> _assigned = [];

    public GreedyState(Instance c)
    {
        _c = c;
        Load = new int[c.V];
        Minutes = new int[c.V];
        TypeLoad = new int[c.V, c.Types.Count];
        Worked = new bool[c.V, c.H];
        Count = new int[c.S];
        _onDay = new List<int>?[c.V, c.H];
        _reachDays = (c.S == 0 ? 0 : c.Length.Max() + c.Problem.MinRestMinutes) / 1440 + 1;
    }

    private readonly List<int>?[,] _onDay;
    private readonly int _reachDays;

    /// <summary>The shifts volunteer v works on days d − reach … d + reach.</summary>
    private IEnumerable<int> Near(int v, int d, int reach)
    {
        for (var x = Math.Max(0, d - reach); x <= Math.Min(_c.H - 1, d + reach); x++)
        {
            if (_onDay[v, x] is { } list)
            {
                foreach (var s in list)
                {
                    yield return s;
                }
            }
        }
    }

    public int[] Load { get; }

    public int[] Minutes { get; }

    public int[,] TypeLoad { get; }

    public bool[,] Worked { get; }

    public int[] Count { get; }

    public List<(int Shift, int Volunteer)> Assignments { get; } = [];

    public bool Has(int s, int v) => _assigned.Contains(_c.Key(s, v));

    public void Assign(int s, int v)
    {
        if (!_assigned.Add(_c.Key(s, v)))
        {
            return;
        }
        Assignments.Add((s, v));
        Load[v]++;
        Minutes[v] += _c.Length[s];
        TypeLoad[v, _c.Type[s]]++;
        Worked[v, _c.Day[s]] = true;
        Count[s]++;
        (_onDay[v, _c.Day[s]] ??= []).Add(s);
    }

    public bool CanTake(int s, int v) => Blocker(s, v) is null;

    /// <summary>The first upper-limit rule that stops volunteer v from also taking shift s, or null.</summary>
    public string? Blocker(int s, int v)
    {
        var c = _c;
        var spec = c.Vol(v);
        if (Has(s, v))
        {
            return "assigned";
        }
        if (Count[s] >= c.Max[s])
        {
            return "maximum";
        }
        var d = c.Day[s];
        foreach (var other in Near(v, d, _reachDays))
        {
            if (c.Clash(s, other))
            {
                return "busy";
            }
        }
        if (spec.MaxShifts is { } maxShifts && Load[v] >= maxShifts)
        {
            return "maxShifts";
        }
        if (TypeLoad[v, c.Type[s]] >= c.TypeLimit(v, c.Type[s]))
        {
            return "maxShiftsPerType";
        }
        if (spec.MaxMinutes is { } maxMinutes && Minutes[v] + c.Length[s] > maxMinutes)
        {
            return "maxMinutes";
        }
        foreach (var other in Near(v, d, 1))
        {
            if (c.ForbiddenPair(other, s) || c.ForbiddenPair(s, other))
            {
                return "forbiddenNextDay";
            }
        }
        if (!Worked[v, d])
        {
            if (spec.MaxConsecutiveDays is { } maxRun && RunLength(v, d) > maxRun)
            {
                return "maxConsecutiveDays";
            }
            var weekend = c.WeekendOfDay[d];
            if (weekend >= 0 && spec.MaxWeekends is { } maxWeekends && !WeekendWorked(v, weekend)
                && WeekendsWorked(v) >= maxWeekends)
            {
                return "maxWeekends";
            }
            if (spec.MinConsecutiveDaysOff is { } minOff && minOff > 1 && ShortensRest(v, d, minOff))
            {
                return "minConsecutiveDaysOff";
            }
        }
        return null;
    }

    /// <summary>Length of the run of worked days that day d would join.</summary>
    private int RunLength(int v, int d)
    {
        var length = 1;
        for (var x = d - 1; x >= 0 && Worked[v, x]; x--)
        {
            length++;
        }
        for (var x = d + 1; x < _c.H && Worked[v, x]; x++)
        {
            length++;
        }
        return length;
    }

    private bool WeekendWorked(int v, int weekend) => _c.Weekends[weekend].Any(d => Worked[v, d]);

    private int WeekendsWorked(int v)
    {
        var n = 0;
        for (var k = 0; k < _c.Weekends.Length; k++)
        {
            if (WeekendWorked(v, k))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Would working day d leave a run of days off, bounded by worked days inside the horizon, shorter than minOff?</summary>
    private bool ShortensRest(int v, int d, int minOff)
    {
        return Short(-1) || Short(1);

        bool Short(int step)
        {
            var length = 0;
            var x = d + step;
            while (x >= 0 && x < _c.H && !Worked[v, x])
            {
                length++;
                x += step;
            }
            var bounded = x >= 0 && x < _c.H;
            return bounded && length > 0 && length < minOff;
        }
    }
}
