namespace Kaifong.Rostering;

/// <summary>
/// A lower bound that scales: the cover rows (target head counts, both the under and the over side) and each
/// volunteer's minute limits are moved into the objective with multipliers, which leaves one independent problem per
/// volunteer — their best month under the reduced costs — solved exactly by dynamic programming over days with the
/// state (current run of worked days, shifts so far, weekends so far), so maxConsecutiveDays, maxShifts and
/// maxWeekends hold; per day, the cheapest set of non-overlapping shifts of each size. Rules left out (rest across
/// midnight, forbidden successions, per-type limits, minimum runs, hard head counts, locks, fairness ≥ 0) only make
/// the bound weaker, never wrong. The multipliers follow subgradient steps (Polyak, towards the incumbent).
/// Every value it returns is a valid lower bound on the objective of every roster.
/// </summary>
internal sealed class LagrangianBound
{
    private const int MaxStates = 4000;

    private readonly Instance _c;
    private readonly double[] _lambda;
    private readonly double[] _mu;
    private readonly double[] _rho;
    private readonly double[] _sigma;
    private readonly bool[] _hasUnder;
    private readonly bool[] _hasOver;
    private readonly int[][] _pairShift;
    private readonly int[][] _dayStart;
    private readonly double _constant;

    public LagrangianBound(Instance c)
    {
        _c = c;
        _lambda = new double[c.S];
        _mu = new double[c.S];
        _rho = new double[c.V];
        _sigma = new double[c.V];
        _hasUnder = new bool[c.S];
        _hasOver = new bool[c.S];
        double constant = 0;
        for (var s = 0; s < c.S; s++)
        {
            var spec = c.Shift(s);
            var count = c.EligibleFor[s].Count;
            if (spec.UnderWeight > 0 && c.Target[s] > 0)
            {
                if (count == 0)
                {
                    constant += spec.UnderWeight * c.Target[s];
                }
                else
                {
                    _hasUnder[s] = true;
                    _lambda[s] = spec.UnderWeight / 2.0;
                }
            }
            _hasOver[s] = spec.OverWeight > 0 && count > c.Target[s];
        }
        constant += c.Wants.Values.Sum();
        if (c.Problem.ChangeWeight > 0)
        {
            constant += c.Problem.ChangeWeight * c.Previous.Count;
        }
        _constant = constant;
        _pairShift = new int[c.V][];
        _dayStart = new int[c.V][];
        for (var v = 0; v < c.V; v++)
        {
            // The volunteer's eligible shifts by day, then start time; _dayStart[v][d] indexes the first of day d.
            var shifts = c.Eligible[v].OrderBy(s => c.Day[s]).ThenBy(s => c.Begin[s]).ToArray();
            _pairShift[v] = shifts;
            var starts = new int[c.H + 1];
            var i = 0;
            for (var d = 0; d <= c.H; d++)
            {
                while (i < shifts.Length && c.Day[shifts[i]] < d)
                {
                    i++;
                }
                starts[d] = i;
            }
            _dayStart[v] = starts;
        }
        Best = double.NegativeInfinity;
    }

    /// <summary>The best (largest) bound so far, as an integer (the objective is integral).</summary>
    public long? Value => double.IsNegativeInfinity(Best) ? null : (long)Math.Ceiling(Best - 1e-6 * Math.Max(1, Math.Abs(Best)));

    public double Best { get; private set; }

    public int Iterations { get; private set; }

    /// <summary>Runs subgradient steps until <paramref name="stop"/> says so or the step size vanishes;
    /// <paramref name="improved"/> is called with each better bound; <paramref name="upper"/> gives the incumbent.</summary>
    public void Run(Func<bool> stop, Func<long> upper, Action<long> improved, int maxIterations = 500)
    {
        var c = _c;
        var theta = 1.0;
        var sinceBetter = 0;
        var n = new int[c.S];
        var minutes = new long[c.V];
        while (Iterations < maxIterations && !stop() && theta > 1e-4)
        {
            Iterations++;
            Array.Clear(n);
            var value = Evaluate(n, minutes);
            if (value > Best + 1e-9)
            {
                var before = Value;
                Best = value;
                sinceBetter = 0;
                if (Value is { } b && b != before)
                {
                    improved(b);
                }
            }
            else if (++sinceBetter >= 6)
            {
                theta /= 2;
                sinceBetter = 0;
            }
            // Subgradient.
            double norm = 0;
            for (var s = 0; s < c.S; s++)
            {
                var g = c.Target[s] - n[s];
                if (_hasUnder[s])
                {
                    norm += g * (double)g;
                }
                if (_hasOver[s])
                {
                    norm += g * (double)g;
                }
            }
            for (var v = 0; v < c.V; v++)
            {
                var spec = c.Vol(v);
                if (spec.MinMinutes > 0)
                {
                    var g = (double)(spec.MinMinutes - minutes[v]);
                    norm += g * g;
                }
                if (spec.MaxMinutes is { } max)
                {
                    var g = (double)(minutes[v] - max);
                    norm += g * g;
                }
            }
            var target = upper();
            if (norm < 1e-9 || target == long.MaxValue)
            {
                break;
            }
            var step = theta * Math.Max(target - value, 1e-3 * Math.Max(1, Math.Abs(value))) / norm;
            for (var s = 0; s < c.S; s++)
            {
                var g = c.Target[s] - n[s];
                if (_hasUnder[s])
                {
                    _lambda[s] = Math.Clamp(_lambda[s] + step * g, 0, c.Shift(s).UnderWeight);
                }
                if (_hasOver[s])
                {
                    _mu[s] = Math.Clamp(_mu[s] - step * g, 0, c.Shift(s).OverWeight);
                }
            }
            for (var v = 0; v < c.V; v++)
            {
                var spec = c.Vol(v);
                if (spec.MinMinutes > 0)
                {
                    _rho[v] = Math.Max(0, _rho[v] + step * (spec.MinMinutes - minutes[v]));
                }
                if (spec.MaxMinutes is { } max)
                {
                    _sigma[v] = Math.Max(0, _sigma[v] + step * (minutes[v] - max));
                }
            }
        }
    }

    /// <summary>The Lagrangian function at the current multipliers; fills each shift's head count and each
    /// volunteer's minutes in the relaxed optimum (for the subgradient).</summary>
    private double Evaluate(int[] n, long[] minutes)
    {
        var c = _c;
        var value = _constant;
        for (var s = 0; s < c.S; s++)
        {
            value += (_lambda[s] - _mu[s]) * c.Target[s];
        }
        for (var v = 0; v < c.V; v++)
        {
            var spec = c.Vol(v);
            value += _rho[v] * spec.MinMinutes - _sigma[v] * (spec.MaxMinutes ?? 0);
            value += Person(v, n, out minutes[v]);
        }
        return value;
    }

    private double Cost(int s, int v)
    {
        var c = _c;
        var key = c.Key(s, v);
        double cost = c.Avoids.GetValueOrDefault(key) - c.Wants.GetValueOrDefault(key);
        if (c.Problem.ChangeWeight > 0 && c.Previous.Contains(key))
        {
            cost -= c.Problem.ChangeWeight;
        }
        return cost - _lambda[s] + _mu[s] + (_sigma[v] - _rho[v]) * c.Length[s];
    }

    /// <summary>The volunteer's best relaxed month: adds its shifts to <paramref name="n"/>.</summary>
    private double Person(int v, int[] n, out long minutes)
    {
        var c = _c;
        var spec = c.Vol(v);
        minutes = 0;
        var shifts = _pairShift[v];
        if (shifts.Length == 0)
        {
            return 0;
        }
        // Every count of shifts a day could hold is allowed (the day's DP finds which are possible).
        var perDay = 1;
        if (!c.Problem.OneShiftPerDay)
        {
            for (var d = 0; d < c.H; d++)
            {
                perDay = Math.Max(perDay, _dayStart[v][d + 1] - _dayStart[v][d]);
            }
        }
        // Per day: the best cost of j = 1..perDay shifts that do not overlap (with rest), and which shifts.
        var dayCost = new double[c.H, perDay + 1];
        var dayPick = new List<int>?[c.H, perDay + 1];
        for (var d = 0; d < c.H; d++)
        {
            BestOfDay(v, d, perDay, dayCost, dayPick);
        }
        var maxRun = spec.MaxConsecutiveDays ?? 1;
        var runCap = spec.MaxConsecutiveDays is null ? 1 : maxRun;
        var maxShifts = spec.MaxShifts is { } m && m < shifts.Length ? m : -1;
        var maxWeekends = spec.MaxWeekends is { } w && w < c.Weekends.Length ? w : -1;
        var k = maxShifts < 0 ? 0 : maxShifts;
        var wk = maxWeekends < 0 ? 0 : maxWeekends;
        if ((runCap + 1) * (k + 1) * (wk + 1) > MaxStates)
        {
            wk = 0;
            maxWeekends = -1;
        }
        if ((runCap + 1) * (k + 1) > MaxStates)
        {
            k = 0;
            maxShifts = -1;
        }
        var states = (runCap + 1) * (k + 1) * (wk + 1);
        int Index(int r, int kk, int ww) => (r * (k + 1) + kk) * (wk + 1) + ww;
        var cost = new double[c.H + 1, states];
        var from = new int[c.H + 1, states];
        var take = new int[c.H + 1, states];
        for (var d = 0; d <= c.H; d++)
        {
            for (var i = 0; i < states; i++)
            {
                cost[d, i] = double.PositiveInfinity;
            }
        }
        cost[0, Index(0, 0, 0)] = 0;
        for (var d = 0; d < c.H; d++)
        {
            var weekend = c.WeekendOfDay[d];
            var firstOfWeekend = weekend >= 0 && c.Weekends[weekend][0] == d;
            for (var r = 0; r <= runCap; r++)
            {
                for (var kk = 0; kk <= k; kk++)
                {
                    for (var ww = 0; ww <= wk; ww++)
                    {
                        var here = cost[d, Index(r, kk, ww)];
                        if (double.IsPositiveInfinity(here))
                        {
                            continue;
                        }
                        Relax(d, Index(0, kk, ww), here, Index(r, kk, ww), 0);
                        if (spec.MaxConsecutiveDays is not null && r >= maxRun)
                        {
                            continue;
                        }
                        var nr = spec.MaxConsecutiveDays is null ? 1 : r + 1;
                        var nw = ww + (weekend >= 0 && (firstOfWeekend || r == 0) && maxWeekends >= 0 ? 1 : 0);
                        if (nw > wk)
                        {
                            continue;
                        }
                        for (var j = 1; j <= perDay; j++)
                        {
                            if (dayPick[d, j] is null)
                            {
                                break;
                            }
                            var nk = maxShifts < 0 ? 0 : kk + j;
                            if (nk > k)
                            {
                                break;
                            }
                            Relax(d, Index(nr, nk, nw), here + dayCost[d, j], Index(r, kk, ww), j);
                        }
                    }
                }
            }
        }
        var best = 0;
        for (var i = 1; i < states; i++)
        {
            if (cost[c.H, i] < cost[c.H, best])
            {
                best = i;
            }
        }
        var total = cost[c.H, best];
        for (var d = c.H; d > 0; d--)
        {
            var j = take[d, best];
            if (j > 0)
            {
                foreach (var s in dayPick[d - 1, j]!)
                {
                    n[s]++;
                    minutes += c.Length[s];
                }
            }
            best = from[d, best];
        }
        return total;

        void Relax(int d, int to, double value, int prev, int j)
        {
            if (value < cost[d + 1, to])
            {
                cost[d + 1, to] = value;
                from[d + 1, to] = prev;
                take[d + 1, to] = j;
            }
        }
    }

    /// <summary>For each j, the cheapest j non-clashing shifts of the volunteer on day d (null when there are not j).</summary>
    private void BestOfDay(int v, int d, int perDay, double[,] dayCost, List<int>?[,] dayPick)
    {
        var c = _c;
        var from = _dayStart[v][d];
        var to = _dayStart[v][d + 1];
        var m = to - from;
        if (m == 0)
        {
            return;
        }
        var shifts = _pairShift[v];
        var costs = new double[m];
        for (var i = 0; i < m; i++)
        {
            costs[i] = Cost(shifts[from + i], v);
        }
        if (perDay == 1)
        {
            var best = 0;
            for (var i = 1; i < m; i++)
            {
                if (costs[i] < costs[best])
                {
                    best = i;
                }
            }
            dayCost[d, 1] = costs[best];
            dayPick[d, 1] = [shifts[from + best]];
            return;
        }
        // Shifts are sorted by start: f[i, j] = cheapest j shifts ending with shift i, all pairwise compatible.
        var f = new double[m, perDay + 1];
        var prev = new int[m, perDay + 1];
        for (var i = 0; i < m; i++)
        {
            f[i, 1] = costs[i];
            prev[i, 1] = -1;
            for (var j = 2; j <= perDay; j++)
            {
                f[i, j] = double.PositiveInfinity;
                for (var q = 0; q < i; q++)
                {
                    if (!double.IsPositiveInfinity(f[q, j - 1]) && !c.Clash(shifts[from + q], shifts[from + i]) && f[q, j - 1] + costs[i] < f[i, j])
                    {
                        f[i, j] = f[q, j - 1] + costs[i];
                        prev[i, j] = q;
                    }
                }
            }
        }
        for (var j = 1; j <= perDay; j++)
        {
            var best = -1;
            for (var i = 0; i < m; i++)
            {
                if (!double.IsPositiveInfinity(f[i, j]) && (best < 0 || f[i, j] < f[best, j]))
                {
                    best = i;
                }
            }
            if (best < 0)
            {
                return;
            }
            dayCost[d, j] = f[best, j];
            var pick = new List<int>();
            for (int i = best, jj = j; i >= 0; i = prev[i, jj], jj--)
            {
                pick.Add(shifts[from + i]);
            }
            dayPick[d, j] = pick;
        }
    }
}
