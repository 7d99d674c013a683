using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Kaifong.Rostering;

public sealed record SolveOptions
{
    /// <summary>Wall-clock limit for the search, in seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 10;

    /// <summary>CP-SAT workers; 0 means one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Language of the explanation texts: zh-HK (default), en or zh-CN.</summary>
    public string Language { get; init; } = "zh-HK";

    /// <summary>Seed for the solver's randomised parts, so that runs repeat.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Extra CP-SAT parameters in protobuf text format (for experiments), appended last.</summary>
    public string? ExtraParameters { get; init; }

    /// <summary>Hint the search with the greedy roster.</summary>
    public bool WarmStart { get; init; } = true;

    /// <summary>The large-neighbourhood search with the whole-model worker beside it and the Lagrangian bound (on by
    /// default); off: CP-SAT's own portfolio on the whole model, as in the first round.</summary>
    public bool Lns { get; init; } = true;

    /// <summary>Models with fewer (shift, volunteer) pairs than this are solved by CP-SAT's portfolio on the whole
    /// model even when <see cref="Lns"/> is on (it measured better there, bench/README.md).</summary>
    public int LnsMinPairs { get; init; } = RosterSolver.SmallModel;
}

/// <summary>One progress report: a better roster (incumbent) or a better lower bound was found.</summary>
public sealed record SolveProgress(double Seconds, long? Objective, long? Bound);

/// <summary>Solves roster problem v1: the CP-SAT optimiser (<see cref="Solve"/>) and the greedy baseline
/// (<see cref="SolveGreedy"/>).</summary>
public static class RosterSolver
{
    /// <summary>Models with at most this many assignment variables get no hint when a valid heuristic roster exists.</summary>
    internal const int SmallModel = 20_000;

    public static RosterSolution SolveGreedy(RosterProblem problem, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new SolveOptions();
        var watch = Stopwatch.StartNew();
        var c = new Instance(problem);
        var roster = Greedy.Solve(c);
        var check = RosterChecker.Check(problem, ToPairs(c, roster));
        var lang = options.Language;
        var (unfilled, items) = Explainer.Unfilled(c, roster, lang);
        var head = new List<ExplanationItem> { Summary(c, roster, unfilled, lang), Explainer.Simple("roster.greedy", lang) };
        if (!check.Ok)
        {
            head.Add(Explainer.Simple("roster.greedyBroken", lang, new()
            {
                ["count"] = Messages.Number(check.Violations.Count),
                ["rules"] = string.Join(Messages.ListSeparator(lang), check.Violations.Take(10).Select(v => v.Message)),
            }));
        }
        return new RosterSolution
        {
            Status = check.Ok ? "Feasible" : "Infeasible",
            Objective = check.Objective,
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
            Assignments = ToPairs(c, roster),
            Unfilled = unfilled,
            Explanation = [.. head, .. items],
            Components = check.Components,
            Engine = "greedy",
            FirstFeasibleSeconds = check.Ok ? Math.Round(watch.Elapsed.TotalSeconds, 3) : null,
        };
    }

    public static RosterSolution Solve(RosterProblem problem, SolveOptions? options = null,
        IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new SolveOptions();
        var lang = options.Language;
        var watch = Stopwatch.StartNew();
        // CP-SAT calls back from its worker threads: reports are serialised, in time order.
        progress = progress is null ? null : new Serialised(progress, watch);
        var c = new Instance(problem);

        Trace(watch, "instance");
        var greedy = Greedy.Solve(c);
        Trace(watch, "greedy");
        var greedyCheck = RosterChecker.Check(problem, ToPairs(c, greedy));
        Trace(watch, "greedy checked");
        double? firstFeasible = greedyCheck.Ok ? watch.Elapsed.TotalSeconds : null;
        if (greedyCheck.Ok)
        {
            progress?.Report(new SolveProgress(watch.Elapsed.TotalSeconds, greedyCheck.Objective, null));
        }

        // The warm start: the better (by the checker) of the baseline and the scarcity-first heuristic.
        var start = greedy;
        var startCheck = greedyCheck;
        if (options.WarmStart)
        {
            var scarce = Greedy.Solve(c, scarcityFirst: true);
            var scarceCheck = RosterChecker.Check(problem, ToPairs(c, scarce));
            if (scarceCheck.Ok && (!greedyCheck.Ok || scarceCheck.Objective < greedyCheck.Objective))
            {
                (start, startCheck) = (scarce, scarceCheck);
                firstFeasible ??= watch.Elapsed.TotalSeconds;
                progress?.Report(new SolveProgress(watch.Elapsed.TotalSeconds, scarceCheck.Objective, null));
            }
            Trace(watch, "scarcity-first heuristic");
        }
        if (options.Lns)
        {
            var found = SolveLns(c, options, watch, progress, start, startCheck, start == greedy ? "greedy" : "scarcity-first", firstFeasible, cancellationToken);
            if (found is not null)
            {
                return found;
            }
        }
        var model = new RosterModel(c, diagnose: false);
        Trace(watch, "model built");
        // Measured (bench/README.md): a valid heuristic roster as hint slows the proof on small models (the max_lp
        // worker follows it instead of its LP), while large models only improve from it, and an invalid one (minimum-
        // style rules broken) still guides the search towards feasibility. So: hint unless a valid roster is already in
        // hand and the model is small; the heuristic roster stays our incumbent either way.
        if (options.WarmStart && (!startCheck.Ok || model.X.Count > SmallModel))
        {
            model.Hint(start);
        }
        Trace(watch, "hinted");
        using var solver = new CpSolver { StringParameters = Parameters(options, options.TimeLimitSeconds - watch.Elapsed.TotalSeconds) };
        var callback = new Incumbents(watch, progress, startCheck.Ok ? startCheck.Objective : null);
        long? lastBound = null;
        solver.SetBestBoundCallback(bound =>
        {
            var b = (long)Math.Ceiling(bound - 1e-6);
            if (b != lastBound)
            {
                lastBound = b;
                progress?.Report(new SolveProgress(watch.Elapsed.TotalSeconds, callback.Best, b));
            }
        });
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = cancellationToken.IsCancellationRequested ? CpSolverStatus.Unknown : solver.Solve(model.Model, callback);
        firstFeasible ??= callback.FirstSeconds;
        Trace(watch, "solved " + status);

        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            var roster = model.X.Where(p => solver.BooleanValue(p.Value)).Select(p => c.Unkey(p.Key)).ToList();
            var objective = (long)Math.Round(solver.ObjectiveValue);
            var bound = (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6);
            var engine = "cp-sat";
            // The heuristic rosters are valid answers too; never hand back something worse than them.
            if (startCheck.Ok && startCheck.Objective < objective)
            {
                roster = start;
                objective = startCheck.Objective;
                engine = start == greedy ? "greedy" : "scarcity-first";
            }
            var optimal = status == CpSolverStatus.Optimal && engine == "cp-sat" || objective <= bound;
            return Finish(c, roster, optimal ? "Optimal" : "Feasible", objective, Math.Min(bound, objective), watch, firstFeasible, engine, lang);
        }
        if (startCheck.Ok)
        {
            // Cancelled or out of time before CP-SAT found a roster: the heuristic one stands.
            var bound = status == CpSolverStatus.Unknown ? (long?)Math.Ceiling(solver.BestObjectiveBound - 1e-6) : null;
            return Finish(c, start, "Feasible", startCheck.Objective, bound, watch, firstFeasible, start == greedy ? "greedy" : "scarcity-first", lang);
        }
        if (status == CpSolverStatus.Infeasible)
        {
            var remaining = Math.Max(5, options.TimeLimitSeconds - watch.Elapsed.TotalSeconds);
            var conflict = Diagnose(c, options, remaining, cancellationToken);
            var item = conflict is null
                ? Explainer.Simple("infeasible.unknown", lang)
                : Explainer.Conflict(c, conflict, lang);
            return new RosterSolution
            {
                Status = "Infeasible",
                Seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
                Explanation = [item],
                Engine = "cp-sat",
            };
        }
        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("CP-SAT rejected the model: " + model.Model.Validate());
        }
        return new RosterSolution
        {
            Status = "Unknown",
            Bound = (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6),
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
            Explanation = [Explainer.Simple("roster.timeout", lang)],
            Engine = "cp-sat",
        };
    }

    /// <summary>
    /// The second-round engine: a valid start (the heuristic roster, else one built volunteer by volunteer), then the
    /// large-neighbourhood search, the whole-model CP-SAT worker and the Lagrangian bound side by side. Null when no
    /// valid start was found (the caller then runs CP-SAT on the whole model, which also diagnoses infeasibility).
    /// </summary>
    private static RosterSolution? SolveLns(Instance c, SolveOptions options, Stopwatch watch, IProgress<SolveProgress>? progress,
        List<(int Shift, int Volunteer)> heuristic, CheckResult heuristicCheck, string heuristicName, double? firstFeasible, CancellationToken cancellationToken)
    {
        var lns = new Lns(c, options, watch, progress, cancellationToken);
        Trace(watch, string.Create(CultureInfo.InvariantCulture, $"{lns.Pairs} pairs"));
        if (lns.Pairs < options.LnsMinPairs)
        {
            // Measured (bench/README.md): on small models CP-SAT's own two-worker portfolio on the whole model proves
            // and improves faster than our neighbourhoods beside a one-worker whole model.
            return null;
        }
        if (heuristicCheck.Ok)
        {
            lns.Offer([.. heuristic.Select(a => c.Key(a.Shift, a.Volunteer))], heuristicCheck.Objective, heuristicName);
        }
        else
        {
            var built = Lns.Construct(c, options, watch, options.TimeLimitSeconds, cancellationToken);
            Trace(watch, "constructed " + (built is null ? "none" : built.Count.ToString(CultureInfo.InvariantCulture)));
            if (built is null)
            {
                return null;
            }
            var check = RosterChecker.Check(c.Problem, ToPairs(c, built.Select(c.Unkey)));
            if (!check.Ok)
            {
                return null;
            }
            firstFeasible ??= watch.Elapsed.TotalSeconds;
            lns.Offer(built, check.Objective, "construct");
        }
        var lagrangian = new LagrangianBound(c);
        var searching = true;
        var bounder = new Thread(() => lagrangian.Run(
            () => !Volatile.Read(ref searching) || watch.Elapsed.TotalSeconds > options.TimeLimitSeconds,
            () => lns.BestObjective,
            b =>
            {
                lns.ExternalBound = b;
                progress?.Report(new SolveProgress(watch.Elapsed.TotalSeconds, null, b));
            }))
        { IsBackground = true, Name = "lagrangian bound" };
        bounder.Start();
        // As in the first round: a valid heuristic roster as hint slows the proof on small whole models.
        lns.Run(hintFull: lns.Pairs > SmallModel);
        Volatile.Write(ref searching, false);
        bounder.Join();
        Trace(watch, string.Create(CultureInfo.InvariantCulture,
            $"lns: {lns.Neighbourhoods} neighbourhoods, {lns.Improvements} better; lagrangian {lagrangian.Value} after {lagrangian.Iterations} steps; cp-sat bound {lns.CpSatBound}"));

        var objective = lns.BestObjective;
        var bound = Math.Max(lns.CpSatBound ?? long.MinValue, lagrangian.Value ?? long.MinValue);
        long? shown = bound == long.MinValue ? null : Math.Min(bound, objective);
        var optimal = lns.Proven || shown >= objective;
        var solution = Finish(c, [.. lns.Best.Select(c.Unkey)], optimal ? "Optimal" : "Feasible", objective, shown, watch, firstFeasible, lns.BestEngine, options.Language);
        var final = solution.Objective!.Value;
        var near = lns.History.FirstOrDefault(h => h.Objective <= final + Math.Abs(final) / 100.0);
        return solution with
        {
            CpSatBound = lns.CpSatBound,
            LagrangianBound = lagrangian.Value,
            SecondsToWithin1Percent = near == default ? solution.FirstFeasibleSeconds : Math.Round(near.Seconds, 3),
        };
    }

    /// <summary>
    /// Finds the rules that conflict: each hard rule (per volunteer or shift) is posted under an assumption literal;
    /// CP-SAT returns a subset of assumptions that is already infeasible, which is then shrunk by trying to drop each
    /// rule in turn (a rule stays only if the others are satisfiable without it).
    /// </summary>
    internal static List<RuleRef>? Diagnose(Instance c, SolveOptions options, double seconds, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var model = new RosterModel(c, diagnose: true);
        var all = model.Rules.Keys.ToList();
        var core = Core(model, all, options, seconds, cancellationToken);
        if (core is null)
        {
            return null;
        }
        for (var i = 0; i < core.Count && core.Count > 1;)
        {
            var left = seconds - watch.Elapsed.TotalSeconds;
            if (left <= 0.5 || cancellationToken.IsCancellationRequested)
            {
                break;
            }
            var without = core.Where((_, k) => k != i).ToList();
            var smaller = Core(model, without, options, Math.Min(left, Math.Max(1, seconds / 10)), cancellationToken);
            if (smaller is not null)
            {
                core = smaller;
                i = 0;
            }
            else
            {
                i++;
            }
        }
        return [.. core.Select(k => model.Rules[k]).OrderBy(r => r.Rule, StringComparer.Ordinal).ThenBy(r => r.Volunteer, StringComparer.Ordinal).ThenBy(r => r.Shift, StringComparer.Ordinal)];
    }

    private static List<int>? Core(RosterModel model, List<int> assumptions, SolveOptions options, double seconds, CancellationToken cancellationToken)
    {
        model.Model.ClearAssumptions();
        model.Model.AddAssumptions(assumptions.Select(k => model.Literals[k]));
        // Assumptions need a single worker for the core to be returned.
        using var solver = new CpSolver { StringParameters = Parameters(options with { Threads = 1 }, seconds) };
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model.Model);
        if (status != CpSolverStatus.Infeasible)
        {
            return null;
        }
        var core = solver.SufficientAssumptionsForInfeasibility().Select(i => i).ToList();
        return core.Count == 0 ? [.. assumptions] : core;
    }

    /// <summary>With KAIFONG_ROSTER_TRACE=1, phase timings go to standard error.</summary>
    private static void Trace(Stopwatch watch, string phase)
    {
        if (Environment.GetEnvironmentVariable("KAIFONG_ROSTER_TRACE") == "1")
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[roster] {watch.Elapsed.TotalSeconds,8:0.000}s {phase}"));
        }
    }

    private static string Parameters(SolveOptions options, double seconds)
    {
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        // With few workers, the one full-problem worker is max_lp (linearization level 2): its LP bound is what
        // proves optimality on rostering models; first solutions come from the hint, feasibility jump and LNS.
        var full = threads <= 4 ? "subsolvers:\"max_lp\" " : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{Math.Max(0.05, seconds):0.###} num_workers:{threads} random_seed:{options.Seed} {full}{options.ExtraParameters}");
    }

    private static RosterSolution Finish(Instance c, List<(int Shift, int Volunteer)> roster, string status, long objective, long? bound,
        Stopwatch watch, double? firstFeasible, string engine, string lang)
    {
        var pairs = ToPairs(c, roster);
        var check = RosterChecker.Check(c.Problem, pairs);
        // A feasible (not yet optimal) CP-SAT solution may carry slack in its under/over variables, so its objective
        // value can exceed the true cost of its assignments: report the cost recomputed from the assignments.
        objective = Math.Min(objective, check.Objective);
        var (unfilled, items) = Explainer.Unfilled(c, roster, lang);
        var head = new List<ExplanationItem> { Summary(c, roster, unfilled, lang) };
        var args = new Dictionary<string, string>
        {
            ["objective"] = Messages.Number(objective),
            ["bound"] = bound is { } b ? Messages.Number(b) : "?",
            ["gap"] = bound is { } b2 && objective != 0 ? (100.0 * (objective - b2) / Math.Abs(objective)).ToString("0.##", CultureInfo.InvariantCulture) : "0",
        };
        head.Add(Explainer.Simple(status == "Optimal" ? "roster.optimal" : "roster.feasible", lang, args));
        return new RosterSolution
        {
            Status = status,
            Objective = objective,
            Bound = bound,
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
            Assignments = pairs,
            Unfilled = unfilled,
            Explanation = [.. head, .. items],
            Components = check.Components,
            Engine = engine,
            FirstFeasibleSeconds = firstFeasible is { } f ? Math.Round(f, 3) : null,
        };
    }

    private static ExplanationItem Summary(Instance c, IReadOnlyCollection<(int Shift, int Volunteer)> roster, List<Unfilled> unfilled, string lang)
    {
        var places = Enumerable.Range(0, c.S).Sum(s => (long)c.Target[s]);
        var missing = unfilled.Sum(u => (long)u.Missing);
        return Explainer.Simple("roster.summary", lang, new()
        {
            ["filled"] = Messages.Number(places - missing),
            ["places"] = Messages.Number(places),
            ["unfilled"] = Messages.Number(unfilled.Count),
            ["assignments"] = Messages.Number(roster.Count),
        });
    }

    private static List<ShiftVolunteer> ToPairs(Instance c, IEnumerable<(int Shift, int Volunteer)> roster) =>
        [.. roster.OrderBy(a => a.Shift).ThenBy(a => a.Volunteer).Select(a => new ShiftVolunteer(c.Shift(a.Shift).Id, c.Vol(a.Volunteer).Id))];

    private sealed class Serialised(IProgress<SolveProgress> inner, Stopwatch watch) : IProgress<SolveProgress>
    {
        private readonly Lock _gate = new();
        private long? _best;

        public void Report(SolveProgress value)
        {
            lock (_gate)
            {
                if (value.Objective is { } o && (_best is null || o < _best))
                {
                    _best = o;
                }
                inner.Report(value with { Seconds = Math.Round(watch.Elapsed.TotalSeconds, 3), Objective = _best });
            }
        }
    }

    /// <summary>Reports each better roster: the incumbent is the best of the greedy roster and CP-SAT's solutions.</summary>
    private sealed class Incumbents(Stopwatch watch, IProgress<SolveProgress>? progress, long? greedy) : CpSolverSolutionCallback
    {
        public long? Best { get; private set; } = greedy;

        public double? FirstSeconds { get; private set; }

        public override void OnSolutionCallback()
        {
            FirstSeconds ??= watch.Elapsed.TotalSeconds;
            var objective = (long)Math.Round(ObjectiveValue());
            if (Best is null || objective < Best)
            {
                Best = objective;
                progress?.Report(new SolveProgress(watch.Elapsed.TotalSeconds, Best, (long)Math.Ceiling(BestObjectiveBound() - 1e-6)));
            }
        }
    }
}
