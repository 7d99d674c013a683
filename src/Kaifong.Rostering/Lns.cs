using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Kaifong.Rostering;

/// <summary>
/// Large-neighbourhood search driven from C#, for two cores: one thread re-solves neighbourhoods of the incumbent
/// (a few people's whole month; a window of days for everyone; one shift type; the people and days around the worst
/// unfilled places; one centre with the others fixed) with CP-SAT and a short limit, each kind's size adapted to
/// success; a second thread runs CP-SAT on the whole model for its bound (and its rosters) when the model is small
/// enough to load in time. The search stops at the deadline, on cancellation, or when a bound proves the incumbent
/// optimal.
/// </summary>
internal sealed class Lns
{
    /// <summary>Above this many (shift, volunteer) pairs the whole-problem worker is not started: presolving it alone
    /// takes most of a minute on two cores (bench/README.md), so both cores go to the neighbourhoods and the bound.</summary>
    internal const int FullModelLimit = 100_000;

    private const int Kinds = 5;
    private static readonly string[] KindNames = ["people", "days", "type", "worst", "centre"];

    private readonly Instance _c;
    private readonly SolveOptions _options;
    private readonly Stopwatch _watch;
    private readonly double _deadline;
    private readonly IProgress<SolveProgress>? _progress;
    private readonly CancellationToken _cancel;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly List<int>[] _pairsByDay;
    private readonly List<int>[] _shiftsByType;
    private readonly List<int[]> _parts;
    private readonly double[] _size = new double[Kinds];
    private readonly double[] _gain = new double[Kinds];
    private readonly double[] _spent = new double[Kinds];
    private int _nextPart;

    public Lns(Instance c, SolveOptions options, Stopwatch watch, IProgress<SolveProgress>? progress, CancellationToken cancel)
    {
        _c = c;
        _options = options;
        _watch = watch;
        _deadline = options.TimeLimitSeconds;
        _progress = progress;
        _cancel = cancel;
        _random = new Random(options.Seed);
        _pairsByDay = new List<int>[c.H];
        for (var d = 0; d < c.H; d++)
        {
            _pairsByDay[d] = [];
        }
        for (var s = 0; s < c.S; s++)
        {
            _pairsByDay[c.Day[s]].Add(s);
        }
        _shiftsByType = [.. Enumerable.Range(0, c.Types.Count).Select(t => Enumerable.Range(0, c.S).Where(s => c.Type[s] == t).ToList())];
        _parts = Parts(c);
        Pairs = Enumerable.Range(0, c.S).Sum(s => (long)c.EligibleFor[s].Count);
        var start = Math.Clamp(Pairs / 8.0, 100, 3000);
        Array.Fill(_size, start);
    }

    /// <summary>All (shift, volunteer) pairs a roster could use.</summary>
    public long Pairs { get; }

    /// <summary>The best roster known (keys), its objective, and when each better one was found.</summary>
    public HashSet<long> Best { get; private set; } = [];

    public long BestObjective { get; private set; } = long.MaxValue;

    public List<(double Seconds, long Objective)> History { get; } = [];

    /// <summary>Who found the best roster: a heuristic's name, "lns" or "cp-sat".</summary>
    public string BestEngine { get; private set; } = "";

    /// <summary>CP-SAT's bound on the whole model (null when the worker did not run).</summary>
    public long? CpSatBound { get; private set; }

    /// <summary>The whole-problem worker ended with a proof of optimality.</summary>
    public bool Proven { get; private set; }

    public int Neighbourhoods { get; private set; }

    public int Improvements { get; private set; }

    /// <summary>An external bound (the Lagrangian one) that can also prove the incumbent optimal.</summary>
    public long? ExternalBound { get; set; }

    public bool Offer(HashSet<long> roster, long objective, string engine)
    {
        lock (_gate)
        {
            if (objective >= BestObjective)
            {
                return false;
            }
            Best = roster;
            BestObjective = objective;
            BestEngine = engine;
            History.Add((_watch.Elapsed.TotalSeconds, objective));
        }
        _progress?.Report(new SolveProgress(_watch.Elapsed.TotalSeconds, objective, null));
        return true;
    }

    private bool Done()
    {
        lock (_gate)
        {
            var bound = Math.Max(CpSatBound ?? long.MinValue, ExternalBound ?? long.MinValue);
            return Proven || bound >= BestObjective || _cancel.IsCancellationRequested || _watch.Elapsed.TotalSeconds >= _deadline - 0.05;
        }
    }

    /// <summary>Builds a valid roster volunteer by volunteer, each one's month solved exactly by CP-SAT against the
    /// ones placed before (their rules hard, the cover as the objective); null if someone's rules cannot be met alone
    /// or time runs out. Used when the heuristics break minimum-style rules.</summary>
    public static HashSet<long>? Construct(Instance c, SolveOptions options, Stopwatch watch, double until, CancellationToken cancel)
    {
        var roster = c.Locked.ToHashSet();
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var order = Enumerable.Range(0, c.V).OrderBy(v => c.Eligible[v].Length).ThenBy(v => v).ToList();
        for (var i = 0; i < order.Count;)
        {
            var free = new HashSet<long>();
            while (i < order.Count && (free.Count == 0 || free.Count + c.Eligible[order[i]].Length <= 300))
            {
                foreach (var s in c.Eligible[order[i]])
                {
                    free.Add(c.Key(s, order[i]));
                }
                i++;
            }
            var left = until - watch.Elapsed.TotalSeconds;
            if (left <= 0.05 || cancel.IsCancellationRequested)
            {
                return null;
            }
            // A short limit: the cover objective is only a guide here (the search repairs it), a valid month is what counts.
            var hood = new Neighbourhood(c, roster, free, construct: true);
            var result = SolveHood(c, hood, Math.Min(left, 0.2), threads, options.Seed, hint: false, cancel)
                ?? SolveHood(c, hood, Math.Min(until - watch.Elapsed.TotalSeconds, 5), threads, options.Seed, hint: false, cancel);
            if (Environment.GetEnvironmentVariable("KAIFONG_ROSTER_TRACE") == "1")
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[construct] {watch.Elapsed.TotalSeconds,8:0.000}s up to volunteer {i}: {result?.Objective}"));
            }
            if (result is null)
            {
                return null;
            }
            roster = result.Value.Roster;
        }
        return roster;
    }

    /// <summary>Solves one neighbourhood; the roster it returns is the incumbent with the free pairs re-decided.</summary>
    internal static (HashSet<long> Roster, long Objective, bool Optimal)? SolveHood(Instance c, Neighbourhood hood, double seconds, int workers,
        int seed, bool hint, CancellationToken cancel)
    {
        var model = new RosterModel(c, diagnose: false, hood);
        if (hint)
        {
            model.Hint([.. hood.Incumbent.Select(c.Unkey)]);
        }
        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{Math.Max(0.05, seconds):0.###} num_workers:{workers} random_seed:{seed}"),
        };
        using var registration = cancel.Register(solver.StopSearch);
        var status = solver.Solve(model.Model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }
        var roster = hood.Incumbent.Where(k => !model.X.ContainsKey(k)).ToHashSet();
        foreach (var (key, x) in model.X)
        {
            if (solver.BooleanValue(x))
            {
                roster.Add(key);
            }
        }
        return (roster, (long)Math.Round(solver.ObjectiveValue), status == CpSolverStatus.Optimal);
    }

    /// <summary>Runs the search from the incumbent already offered; returns when done.</summary>
    public void Run(bool hintFull)
    {
        var threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        Thread? full = null;
        CpSolver? fullSolver = null;
        var fullWorkers = Math.Max(1, threads - 1);
        var lnsWorkers = 1;
        // With centres the month is decomposed instead: the whole-model worker's bound stays 0 there (measured), so
        // both cores go to the neighbourhoods and the Lagrangian bound stands for it.
        if (Pairs <= FullModelLimit && threads >= 2 && _parts.Count < 2)
        {
            fullSolver = new CpSolver
            {
                StringParameters = string.Create(CultureInfo.InvariantCulture,
                    $"max_time_in_seconds:{Math.Max(0.05, _deadline - _watch.Elapsed.TotalSeconds):0.###} num_workers:{fullWorkers} random_seed:{_options.Seed} ")
                    + (fullWorkers == 1 ? "linearization_level:2 " : fullWorkers <= 4 ? "subsolvers:\"max_lp\" " : "") + _options.ExtraParameters,
            };
            full = new Thread(() => Full(fullSolver, hintFull)) { IsBackground = true, Name = "cp-sat full" };
            full.Start();
        }
        else
        {
            lnsWorkers = threads;
        }
        try
        {
            Search(lnsWorkers);
        }
        finally
        {
            fullSolver?.StopSearch();
            full?.Join();
            fullSolver?.Dispose();
        }
    }

    private void Full(CpSolver solver, bool hint)
    {
        var model = new RosterModel(_c, diagnose: false);
        HashSet<long> start;
        lock (_gate)
        {
            start = Best;
        }
        if (hint)
        {
            model.Hint([.. start.Select(_c.Unkey)]);
        }
        var callback = new FullCallback(this, model);
        solver.SetBestBoundCallback(bound =>
        {
            var b = (long)Math.Ceiling(bound - 1e-6);
            lock (_gate)
            {
                if (CpSatBound is not null && b <= CpSatBound)
                {
                    return;
                }
                CpSatBound = b;
            }
            _progress?.Report(new SolveProgress(_watch.Elapsed.TotalSeconds, null, b));
            if (Done())
            {
                solver.StopSearch();
            }
        });
        using var registration = _cancel.Register(solver.StopSearch);
        var status = solver.Solve(model.Model, callback);
        lock (_gate)
        {
            var b = (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6);
            CpSatBound = Math.Max(CpSatBound ?? long.MinValue, b);
            if (status == CpSolverStatus.Optimal)
            {
                Proven = true;
                CpSatBound = Math.Max(CpSatBound.Value, (long)Math.Round(solver.ObjectiveValue));
            }
        }
    }

    private sealed class FullCallback(Lns lns, RosterModel model) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            var objective = (long)Math.Round(ObjectiveValue());
            if (objective >= lns.BestObjective)
            {
                return;
            }
            var roster = model.X.Where(p => BooleanValue(p.Value)).Select(p => p.Key).ToHashSet();
            lns.Offer(roster, objective, "cp-sat");
            if (lns.Done())
            {
                StopSearch();
            }
        }
    }

    private void Search(int workers)
    {
        while (!Done())
        {
            // With centres, every other neighbourhood is the next centre (the decomposition, in rotation).
            var kind = _parts.Count >= 2 && Neighbourhoods % 2 == 0 ? 4 : PickKind();
            HashSet<long> incumbent;
            long objective;
            lock (_gate)
            {
                incumbent = Best;
                objective = BestObjective;
            }
            var free = Generate(kind, incumbent);
            if (free.Count == 0)
            {
                _spent[kind] += 0.01;
                continue;
            }
            var seconds = Math.Min(_deadline - _watch.Elapsed.TotalSeconds, kind == 4 ? 3.0 : 1.0);
            if (seconds <= 0.05)
            {
                break;
            }
            var started = _watch.Elapsed.TotalSeconds;
            var result = SolveHood(_c, new Neighbourhood(_c, incumbent, free), seconds, workers, _options.Seed + Neighbourhoods, hint: true, _cancel);
            Neighbourhoods++;
            var took = _watch.Elapsed.TotalSeconds - started;
            _spent[kind] += took;
            if (result is { } r)
            {
                if (r.Objective < objective && Offer(r.Roster, r.Objective, "lns"))
                {
                    Improvements++;
                    _gain[kind] += objective - r.Objective;
                }
                // Adapt: a neighbourhood solved to optimality in time may grow; one cut short shrinks.
                _size[kind] = r.Optimal ? Math.Min(_size[kind] * 1.2, Pairs) : Math.Max(_size[kind] * 0.8, 20);
            }
            else
            {
                _size[kind] = Math.Max(_size[kind] * 0.7, 20);
            }
            Trace(kind, free.Count, took, result?.Objective);
        }
    }

    private void Trace(int kind, int free, double took, long? objective)
    {
        if (Environment.GetEnvironmentVariable("KAIFONG_ROSTER_TRACE") == "1")
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[lns] {_watch.Elapsed.TotalSeconds,8:0.000}s {KindNames[kind],-7} free {free,6} took {took:0.000}s → {objective} best {BestObjective} bound {CpSatBound}/{ExternalBound}"));
        }
    }

    /// <summary>Kinds in proportion to their gain per second so far (each kept alive by a floor).</summary>
    private int PickKind()
    {
        var weights = new double[Kinds];
        var total = 0.0;
        for (var k = 0; k < Kinds; k++)
        {
            if (k == 4)
            {
                continue;
            }
            var rate = (_gain[k] + 1) / (_spent[k] + 1);
            weights[k] = rate;
            total += rate;
        }
        var floor = total * 0.1;
        total = weights.Sum(w => w > 0 ? Math.Max(w, floor) : 0);
        var pick = _random.NextDouble() * total;
        for (var k = 0; k < Kinds; k++)
        {
            var w = weights[k] > 0 ? Math.Max(weights[k], floor) : 0;
            if (pick < w)
            {
                return k;
            }
            pick -= w;
        }
        return 0;
    }

    private HashSet<long> Generate(int kind, HashSet<long> incumbent)
    {
        var c = _c;
        var target = (int)_size[kind];
        var free = new HashSet<long>();
        void AddShift(int s, Func<int, bool>? who = null)
        {
            foreach (var v in c.EligibleFor[s])
            {
                if (who is null || who(v))
                {
                    free.Add(c.Key(s, v));
                }
            }
        }
        switch (kind)
        {
            case 0:
            {
                // A few people's whole month: people who could share a shift, then anyone.
                var seed = _random.Next(c.S);
                var people = c.EligibleFor[seed].OrderBy(_ => _random.Next()).Concat(Enumerable.Range(0, c.V).OrderBy(_ => _random.Next()));
                foreach (var v in people)
                {
                    if (free.Count >= target)
                    {
                        break;
                    }
                    foreach (var s in c.Eligible[v])
                    {
                        free.Add(c.Key(s, v));
                    }
                }
                break;
            }
            case 1:
            {
                // A window of days for everyone.
                var from = _random.Next(c.H);
                for (var d = from; free.Count < target && d < from + c.H; d++)
                {
                    foreach (var s in _pairsByDay[d % c.H])
                    {
                        AddShift(s);
                    }
                }
                break;
            }
            case 2:
            {
                // One shift type, on a window of days when it is large.
                var type = _random.Next(c.Types.Count);
                var shifts = _shiftsByType[type];
                if (shifts.Count == 0)
                {
                    break;
                }
                var from = _random.Next(shifts.Count);
                for (var i = 0; free.Count < target && i < shifts.Count; i++)
                {
                    AddShift(shifts[(from + i) % shifts.Count]);
                }
                break;
            }
            case 3:
            {
                // The people and days around the worst places (largest cover penalty).
                var count = new int[c.S];
                foreach (var key in incumbent)
                {
                    count[c.Unkey(key).Shift]++;
                }
                long Penalty(int s) => c.Shift(s).UnderWeight * Math.Max(0, c.Target[s] - count[s]) + c.Shift(s).OverWeight * Math.Max(0, count[s] - c.Target[s]);
                var worst = Enumerable.Range(0, c.S).Where(s => Penalty(s) > 0).OrderByDescending(Penalty).Take(50).OrderBy(_ => _random.Next()).ToList();
                foreach (var s in worst)
                {
                    if (free.Count >= target)
                    {
                        break;
                    }
                    var people = c.EligibleFor[s].ToHashSet();
                    for (var d = Math.Max(0, c.Day[s] - 2); d <= Math.Min(c.H - 1, c.Day[s] + 2); d++)
                    {
                        foreach (var t in _pairsByDay[d])
                        {
                            AddShift(t, people.Contains);
                        }
                    }
                }
                break;
            }
            default:
            {
                // Decomposition: one centre (or programme) with the others fixed, in rotation.
                var part = _parts[_nextPart++ % _parts.Count];
                foreach (var s in part)
                {
                    AddShift(s);
                }
                break;
            }
        }
        return free;
    }

    /// <summary>
    /// The problem's centres: a set of skills that every shift requires exactly one of (the NGO months tag each shift
    /// with its centre). Candidates are skills that some shift requires alone; they must be pairwise disjoint on shifts
    /// and cover every shift, else there is no decomposition (an empty list).
    /// </summary>
    internal static List<int[]> Parts(Instance c)
    {
        var alone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in c.Problem.Shifts)
        {
            var skills = spec.Skills.Distinct().ToList();
            if (skills.Count == 1)
            {
                alone.Add(skills[0]);
            }
        }
        var parts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var s = 0; s < c.S; s++)
        {
            var mine = c.Shift(s).Skills.Where(alone.Contains).Distinct().ToList();
            if (mine.Count != 1)
            {
                return [];
            }
            if (!parts.TryGetValue(mine[0], out var list))
            {
                parts[mine[0]] = list = [];
            }
            list.Add(s);
        }
        return parts.Count < 2 ? [] : [.. parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.ToArray())];
    }
}
