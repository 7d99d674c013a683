using Google.OrTools.Sat;

namespace Kaifong.Rostering;

/// <summary>
/// The CP-SAT model of roster problem v1. One Boolean x[s,v] per eligible (shift, volunteer) pair (skills and
/// unavailable days/shifts are enforced by not creating the others). In diagnosis mode every hard rule is posted
/// under an enforcement literal per rule and subject, and those literals are the solver's assumptions, so an
/// infeasible problem yields the set of rules that conflict.
/// </summary>
internal sealed class RosterModel
{
    private readonly Instance _c;
    private readonly bool _diagnose;
    private readonly Dictionary<string, BoolVar> _ruleLiterals = new(StringComparer.Ordinal);
    private readonly Neighbourhood? _hood;
    private readonly bool[] _freeV = [];

    public RosterModel(Instance c, bool diagnose, Neighbourhood? hood = null)
    {
        _c = c;
        _diagnose = diagnose;
        _hood = hood;
        if (hood is not null)
        {
            _freeV = new bool[c.V];
            foreach (var key in hood.Free)
            {
                _freeV[c.Unkey(key).Volunteer] = true;
            }
        }
        Model = new CpModel();
        Build();
    }

    public CpModel Model { get; }

    /// <summary>x[s,v] by <see cref="Instance.Key"/>.</summary>
    public Dictionary<long, BoolVar> X { get; } = [];

    /// <summary>In diagnosis mode: assumption literal index → the rule it switches on.</summary>
    public Dictionary<int, RuleRef> Rules { get; } = [];

    /// <summary>In diagnosis mode: assumption literal index → the literal.</summary>
    public Dictionary<int, BoolVar> Literals { get; } = [];

    public LinearExpr Objective { get; private set; } = LinearExpr.Constant(0);

    private List<(int Shift, BoolVar X)>[] _byVolunteer = [];
    private List<BoolVar>[] _byShift = [];
    private ILiteral?[][] _work = [];
    private IntVar?[] _load = [];
    private readonly List<List<int>> _symmetric = [];
    private readonly List<(IntVar Var, int Shift)> _under = [];
    private readonly List<(IntVar Var, int Shift)> _over = [];
    private readonly List<(BoolVar Var, int Volunteer, int Day)> _workVars = [];
    private readonly List<(BoolVar Var, int Volunteer, int[] Days)> _weekends = [];
    private (IntVar Max, IntVar Min)? _spread;
    private List<(HashSet<int> First, HashSet<int> Next)> _forbiddenGroups = [];

    private void Build()
    {
        var c = _c;
        _byVolunteer = new List<(int, BoolVar)>[c.V];
        _byShift = new List<BoolVar>[c.S];
        for (var s = 0; s < c.S; s++)
        {
            _byShift[s] = [];
        }
        for (var v = 0; v < c.V; v++)
        {
            _byVolunteer[v] = [];
        }
        var freeS = new bool[c.S];
        if (_hood is { } hood)
        {
            // A neighbourhood: variables for the free pairs, and for the incumbent's other pairs of every volunteer
            // who has a free pair (fixed to 1, so that their rules see their whole roster); everything else is a
            // constant: in the head counts of the free shifts, in the loads, and folded into the objective below.
            foreach (var key in hood.Free)
            {
                freeS[c.Unkey(key).Shift] = true;
            }
            foreach (var key in hood.Free.Where(k => !c.Locked.Contains(k)).Order())
            {
                var (s, v) = c.Unkey(key);
                AddX(s, v);
            }
            foreach (var key in hood.Incumbent.Order())
            {
                var (s, v) = c.Unkey(key);
                if (_freeV[v] && !X.ContainsKey(key))
                {
                    Model.Add(AddX(s, v) == 1);
                }
            }
        }
        else
        {
            for (var v = 0; v < c.V; v++)
            {
                foreach (var s in c.Eligible[v])
                {
                    AddX(s, v);
                }
            }
        }

        // Locked assignments. A locked pair the volunteer cannot work makes the problem infeasible; in diagnosis
        // mode the pair gets a variable and the eligibility rule that forbids it, so the core names both.
        foreach (var key in c.Locked)
        {
            var (s, v) = c.Unkey(key);
            if (_hood is not null)
            {
                continue;
            }
            if (!X.TryGetValue(key, out var x))
            {
                if (!_diagnose)
                {
                    Model.Add(Model.FalseLiteral().AsExpr() == 1);
                    continue;
                }
                x = AddX(s, v);
                var rule = IneligibleRule(s, v);
                Model.Add(x.AsExpr() == 0).OnlyEnforceIf(Rule(rule, v, s));
            }
            Enforce(Model.Add(x.AsExpr() == 1), "locked", v, s);
        }

        var objective = new List<LinearExpr>();
        long constant = 0;

        // Head counts: hard minimum / maximum, soft target.
        var fixedCount = new int[c.S];
        var outside = new int[c.S];
        foreach (var key in _hood?.Incumbent ?? [])
        {
            var (s, v) = c.Unkey(key);
            fixedCount[s]++;
            outside[s] += _freeV[v] ? 0 : 1;
        }
        for (var s = 0; s < c.S; s++)
        {
            var spec = c.Shift(s);
            if (_hood is not null && !freeS[s])
            {
                // A shift outside the neighbourhood keeps its head count: its cost is a constant.
                constant += spec.UnderWeight * Math.Max(0, c.Target[s] - fixedCount[s]) + spec.OverWeight * Math.Max(0, fixedCount[s] - c.Target[s]);
                continue;
            }
            var n = LinearExpr.Sum(_byShift[s]) + outside[s];
            var count = _byShift[s].Count + outside[s];
            if (c.Min[s] > 0 && _hood is not { Construct: true })
            {
                Enforce(Model.Add(n >= c.Min[s]), "minimum", null, s);
            }
            if (spec.Maximum is { } max && max < count)
            {
                Enforce(Model.Add(n <= max), "maximum", null, s);
            }
            var target = c.Target[s];
            if (spec.UnderWeight > 0 && target > 0)
            {
                if (count == 0)
                {
                    constant += spec.UnderWeight * target;
                }
                else
                {
                    var under = Model.NewIntVar(0, target, $"under{s}");
                    _under.Add((under, s));
                    Model.Add(n + under >= target);
                    objective.Add(LinearExpr.Term(under, spec.UnderWeight));
                }
            }
            if (spec.OverWeight > 0 && count > target)
            {
                var over = Model.NewIntVar(0, count - target, $"over{s}");
                _over.Add((over, s));
                Model.Add(n - over <= target);
                objective.Add(LinearExpr.Term(over, spec.OverWeight));
            }
        }

        // Wants, avoids, changes against the previous roster.
        foreach (var (key, weight) in c.Wants)
        {
            constant += weight;
            if (X.TryGetValue(key, out var x))
            {
                objective.Add(LinearExpr.Term(x, -weight));
            }
            else if (Fixed(key))
            {
                constant -= weight;
            }
        }
        foreach (var (key, weight) in c.Avoids)
        {
            if (X.TryGetValue(key, out var x))
            {
                objective.Add(LinearExpr.Term(x, weight));
            }
            else if (Fixed(key))
            {
                constant += weight;
            }
        }
        var changeWeight = c.Problem.ChangeWeight;
        if (changeWeight > 0)
        {
            foreach (var key in c.Previous)
            {
                constant += changeWeight;
                if (X.TryGetValue(key, out var x))
                {
                    objective.Add(LinearExpr.Term(x, -changeWeight));
                }
                else if (Fixed(key))
                {
                    constant -= changeWeight;
                }
            }
        }

        _forbiddenGroups = ForbiddenGroups();
        _work = new ILiteral?[c.V][];
        _load = new IntVar?[c.V];
        for (var v = 0; v < c.V; v++)
        {
            // In a neighbourhood, a volunteer without a free pair keeps a roster that already obeys their rules.
            if (_hood is null || _freeV[v])
            {
                BuildVolunteer(v);
            }
        }

        // Fairness: fairnessWeight · (max load − min load over volunteers who could work).
        if (c.Problem.FairnessWeight > 0 && c.V > 0)
        {
            var maxLoad = Model.NewIntVar(0, c.S, "maxLoad");
            var minLoad = Model.NewIntVar(0, c.S, "minLoad");
            _spread = (maxLoad, minLoad);
            var any = false;
            for (var v = 0; v < c.V; v++)
            {
                var load = Load(v);
                Model.Add(maxLoad >= load);
                if (c.Active(v))
                {
                    Model.Add(minLoad <= load);
                    any = true;
                }
            }
            if (!any)
            {
                Model.Add(minLoad == maxLoad);
            }
            objective.Add(LinearExpr.Term(maxLoad, c.Problem.FairnessWeight));
            objective.Add(LinearExpr.Term(minLoad, -c.Problem.FairnessWeight));
        }

        if (_hood is null)
        {
            BreakSymmetry();
        }

        objective.Add(LinearExpr.Constant(constant));
        Objective = LinearExpr.Sum(objective);
        if (!_diagnose)
        {
            Model.Minimize(Objective);
        }
        else
        {
            Model.AddAssumptions(_ruleLiterals.Values);
        }
    }

    private BoolVar AddX(int s, int v)
    {
        var x = Model.NewBoolVar("");
        X[_c.Key(s, v)] = x;
        _byVolunteer[v].Add((s, x));
        _byShift[s].Add(x);
        return x;
    }

    /// <summary>In a neighbourhood: a pair of the incumbent that got no variable (a constant 1).</summary>
    private bool Fixed(long key) => _hood is { } hood && hood.Incumbent.Contains(key) && !X.ContainsKey(key);

    private LinearExpr Load(int v)
    {
        if (_hood is { } hood && !_freeV[v])
        {
            return LinearExpr.Constant(hood.LoadOf(v));
        }
        if (_load[v] is null)
        {
            var load = Model.NewIntVar(0, _byVolunteer[v].Count, $"load{v}");
            Model.Add(load == LinearExpr.Sum(_byVolunteer[v].Select(e => e.X)));
            _load[v] = load;
        }
        return _load[v]!;
    }

    private string IneligibleRule(int s, int v)
    {
        var spec = _c.Vol(v);
        if (!_c.Shift(s).Skills.All(spec.Skills.Contains))
        {
            return "skills";
        }
        return spec.UnavailableDays.Contains(_c.Day[s]) ? "unavailableDays" : "unavailableShifts";
    }

    private void BuildVolunteer(int v)
    {
        var c = _c;
        var spec = c.Vol(v);
        var mine = _byVolunteer[v];
        if (mine.Count == 0)
        {
            return;
        }

        // One shift a day: one at-most-one per day. No overlap and rest between shifts: a sweep over the shifts
        // stretched by minRestMinutes; each maximal set of shifts alive at one moment is a clique (at most one).
        if (c.Problem.OneShiftPerDay)
        {
            foreach (var day in mine.GroupBy(e => c.Day[e.Shift]).Where(g => g.Count() > 1))
            {
                Enforce(Model.Add(LinearExpr.Sum(day.Select(e => e.X)) <= 1), "oneShiftPerDay", v, null);
            }
        }
        var timeRule = c.Problem.MinRestMinutes > 0 ? "minRestMinutes" : "overlap";
        var active = new List<(int Shift, BoolVar X)>();
        var grown = false;
        foreach (var e in mine.Where(e => c.Length[e.Shift] > 0).OrderBy(e => c.Begin[e.Shift]).ThenBy(e => e.Shift))
        {
            var now = c.Begin[e.Shift];
            if (active.Any(a => c.End[a.Shift] + c.Problem.MinRestMinutes <= now))
            {
                if (grown)
                {
                    EmitClique(active, v, timeRule);
                }
                active.RemoveAll(a => c.End[a.Shift] + c.Problem.MinRestMinutes <= now);
            }
            active.Add(e);
            grown = true;
        }
        if (grown)
        {
            EmitClique(active, v, timeRule);
        }

        if (spec.MaxShifts is { } maxShifts && maxShifts < mine.Count)
        {
            Enforce(Model.Add(Load(v) <= maxShifts), "maxShifts", v, null);
        }
        foreach (var group in mine.GroupBy(e => c.Type[e.Shift]))
        {
            var limit = c.TypeLimit(v, group.Key);
            if (limit < group.Count())
            {
                Enforce(Model.Add(LinearExpr.Sum(group.Select(e => e.X)) <= limit), "maxShiftsPerType", v, null);
            }
        }
        var minutes = LinearExpr.WeightedSum(mine.Select(e => e.X), mine.Select(e => (long)c.Length[e.Shift]));
        var possible = mine.Sum(e => (long)c.Length[e.Shift]);
        if (spec.MinMinutes > 0)
        {
            Enforce(Model.Add(minutes >= spec.MinMinutes), "minMinutes", v, null);
        }
        if (spec.MaxMinutes is { } maxMinutes && maxMinutes < possible)
        {
            Enforce(Model.Add(minutes <= maxMinutes), "maxMinutes", v, null);
        }

        // Forbidden successions. With one shift a day, the types that forbid the same set of next-day types are
        // grouped: Σ x[first types, d] + Σ x[forbidden types, d + 1] ≤ 1. Otherwise: x[a, d] ⇒ no forbidden type on d + 1.
        if (c.Problem.ForbiddenNextDay.Count > 0)
        {
            var byDay = mine.GroupBy(e => c.Day[e.Shift]).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (day, today) in byDay)
            {
                if (!byDay.TryGetValue(day + 1, out var tomorrow))
                {
                    continue;
                }
                if (c.Problem.OneShiftPerDay)
                {
                    foreach (var (firstTypes, nextTypes) in _forbiddenGroups)
                    {
                        var first = today.Where(e => firstTypes.Contains(c.Type[e.Shift])).Select(e => e.X).ToList();
                        var second = tomorrow.Where(e => nextTypes.Contains(c.Type[e.Shift])).Select(e => e.X).ToList();
                        if (first.Count > 0 && second.Count > 0)
                        {
                            Enforce(Model.Add(LinearExpr.Sum(first.Concat(second)) <= 1), "forbiddenNextDay", v, null);
                        }
                    }
                    continue;
                }
                foreach (var a in today)
                {
                    var second = tomorrow.Where(e => c.Forbidden[c.Type[a.Shift], c.Type[e.Shift]]).Select(e => e.X).ToList();
                    if (second.Count > 0)
                    {
                        var ct = Model.Add(LinearExpr.Sum(second) <= 0);
                        ct.OnlyEnforceIf(_diagnose ? [a.X, Rule("forbiddenNextDay", v, null)] : [a.X]);
                    }
                }
            }
        }

        var needsDays = spec.MaxConsecutiveDays is not null || spec.MinConsecutiveDays > 1
            || spec.MinConsecutiveDaysOff > 1 || spec.MaxWeekends is not null;
        if (!needsDays)
        {
            return;
        }
        var work = WorkDays(v);

        if (spec.MaxConsecutiveDays is { } maxRun)
        {
            // Days outside the horizon are off: every window of maxRun + 1 days inside it has a day off.
            for (var d = 0; d + maxRun < c.H; d++)
            {
                var window = Enumerable.Range(d, maxRun + 1).Select(x => work[x]).OfType<ILiteral>().ToList();
                if (window.Count > maxRun)
                {
                    Enforce(Model.Add(LinearExpr.Sum(window) <= maxRun), "maxConsecutiveDays", v, null);
                }
            }
        }
        if (spec.MinConsecutiveDays is { } minRun && minRun > 1)
        {
            ForbidShortRuns(v, work, minRun, worked: true, "minConsecutiveDays");
        }
        if (spec.MinConsecutiveDaysOff is { } minOff && minOff > 1)
        {
            ForbidShortRuns(v, work, minOff, worked: false, "minConsecutiveDaysOff");
        }
        if (spec.MaxWeekends is { } maxWeekends)
        {
            var weekends = new List<ILiteral>();
            foreach (var days in c.Weekends)
            {
                var lits = days.Select(d => work[d]).OfType<ILiteral>().ToList();
                if (lits.Count == 1)
                {
                    weekends.Add(lits[0]);
                }
                else if (lits.Count > 1)
                {
                    var wk = Model.NewBoolVar("");
                    _weekends.Add((wk, v, days));
                    foreach (var l in lits)
                    {
                        Model.AddImplication(l, wk);
                    }
                    Model.AddBoolOr(lits.Append(wk.Not()));
                    weekends.Add(wk);
                }
            }
            if (weekends.Count > maxWeekends)
            {
                Enforce(Model.Add(LinearExpr.Sum(weekends) <= maxWeekends), "maxWeekends", v, null);
            }
        }
    }

    private void EmitClique(List<(int Shift, BoolVar X)> clique, int v, string rule)
    {
        if (clique.Count < 2 || (_c.Problem.OneShiftPerDay && clique.All(e => _c.Day[e.Shift] == _c.Day[clique[0].Shift])))
        {
            return;
        }
        Enforce(Model.Add(LinearExpr.Sum(clique.Select(e => e.X)) <= 1), rule, v, null);
    }

    /// <summary>Shift types grouped by the set of types they forbid on the next day.</summary>
    private List<(HashSet<int> First, HashSet<int> Next)> ForbiddenGroups()
    {
        var c = _c;
        var groups = new Dictionary<string, (HashSet<int> First, HashSet<int> Next)>(StringComparer.Ordinal);
        for (var a = 0; a < c.Types.Count; a++)
        {
            var next = Enumerable.Range(0, c.Types.Count).Where(b => c.Forbidden[a, b]).ToList();
            if (next.Count == 0)
            {
                continue;
            }
            var key = string.Join(',', next);
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = ([], [.. next]);
            }
            g.First.Add(a);
        }
        return [.. groups.Values];
    }

    /// <summary>work[d]: the volunteer works some shift on day d (null when no eligible shift falls that day).</summary>
    private ILiteral?[] WorkDays(int v)
    {
        if (_work[v] is { } cached)
        {
            return cached;
        }
        var c = _c;
        var work = new ILiteral?[c.H];
        foreach (var g in _byVolunteer[v].GroupBy(e => c.Day[e.Shift]))
        {
            var xs = g.Select(e => e.X).ToList();
            if (xs.Count == 1)
            {
                work[g.Key] = xs[0];
                continue;
            }
            var w = Model.NewBoolVar("");
            _workVars.Add((w, v, g.Key));
            if (c.Problem.OneShiftPerDay)
            {
                Model.Add(w == LinearExpr.Sum(xs));
            }
            else
            {
                foreach (var x in xs)
                {
                    Model.AddImplication(x, w);
                }
                Model.AddBoolOr(xs.Append(w.Not()));
            }
            work[g.Key] = w;
        }
        _work[v] = work;
        return work;
    }

    /// <summary>Forbids runs (of worked days, or of days off) shorter than min that have a day of the other kind
    /// inside the horizon on both sides; runs touching the first or last day are waived.</summary>
    private void ForbidShortRuns(int v, ILiteral?[] work, int min, bool worked, string rule)
    {
        var h = _c.H;
        for (var length = 1; length < min; length++)
        {
            for (var d = 1; d + length < h; d++)
            {
                // The pattern: day d−1 of the other kind, days d … d+length−1 of this kind, day d+length of the other kind.
                var clause = new List<ILiteral>();
                var impossible = false;
                foreach (var (day, inRun) in Enumerable.Range(d - 1, length + 2).Select(x => (x, x >= d && x < d + length)))
                {
                    var lit = work[day];
                    var wantWorked = inRun == worked;
                    if (lit is null)
                    {
                        if (wantWorked)
                        {
                            impossible = true;
                            break;
                        }
                        continue;
                    }
                    clause.Add(wantWorked ? lit.Not() : lit);
                }
                if (!impossible)
                {
                    Enforce(Model.AddBoolOr(clause), rule, v, null);
                }
            }
        }
    }

    /// <summary>Identical volunteers (same skills, limits and availability, no personal wishes, history or locks)
    /// are interchangeable: order their loads, so the search does not visit each permutation.</summary>
    private void BreakSymmetry()
    {
        var c = _c;
        var personal = new HashSet<int>();
        foreach (var key in c.Wants.Keys.Concat(c.Avoids.Keys).Concat(c.Previous).Concat(c.Locked))
        {
            personal.Add(c.Unkey(key).Volunteer);
        }
        var groups = Enumerable.Range(0, c.V)
            .Where(v => !personal.Contains(v) && _byVolunteer[v].Count > 0)
            .GroupBy(v => Signature(c.Vol(v)))
            .Where(g => g.Count() > 1);
        foreach (var g in groups)
        {
            var members = g.ToList();
            _symmetric.Add(members);
            for (var i = 0; i + 1 < members.Count; i++)
            {
                Model.Add(Load(members[i]) >= Load(members[i + 1]));
            }
        }
    }

    internal static string Signature(VolunteerSpec v) => string.Join('|',
        string.Join(',', v.Skills.Order(StringComparer.Ordinal)), v.MaxShifts, string.Join(',', v.MaxShiftsPerType.OrderBy(p => p.Key, StringComparer.Ordinal)),
        v.MinMinutes, v.MaxMinutes, v.MaxConsecutiveDays, v.MinConsecutiveDays, v.MinConsecutiveDaysOff, v.MaxWeekends,
        string.Join(',', v.UnavailableDays.Order()), string.Join(',', v.UnavailableShifts.Order(StringComparer.Ordinal)),
        v.Wants.Count, v.Avoids.Count);

    private void Enforce(Constraint constraint, string rule, int? v, int? s)
    {
        if (_diagnose)
        {
            constraint.OnlyEnforceIf(Rule(rule, v, s));
        }
    }

    private BoolVar Rule(string rule, int? v, int? s)
    {
        var name = $"{rule}|{v}|{s}";
        if (!_ruleLiterals.TryGetValue(name, out var lit))
        {
            lit = Model.NewBoolVar(name);
            _ruleLiterals[name] = lit;
            Literals[lit.GetIndex()] = lit;
            Rules[lit.GetIndex()] = new RuleRef
            {
                Rule = rule,
                Volunteer = v is { } vi ? _c.Vol(vi).Id : null,
                Shift = s is { } si && rule is "minimum" or "maximum" or "locked" ? _c.Shift(si).Id : null,
            };
        }
        return lit;
    }

    /// <summary>Hints the solver with a roster (the greedy one); identical volunteers' rosters are reordered to
    /// match the symmetry-breaking order of loads.</summary>
    public void Hint(IReadOnlyCollection<(int Shift, int Volunteer)> roster)
    {
        var rosterOf = roster.GroupBy(a => a.Volunteer).ToDictionary(g => g.Key, g => g.Select(a => a.Shift).ToList());
        var owner = Enumerable.Range(0, _c.V).ToArray();
        foreach (var members in _symmetric)
        {
            var byLoad = members.OrderByDescending(v => rosterOf.TryGetValue(v, out var l) ? l.Count : 0).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                owner[byLoad[i]] = members[i];
            }
        }
        var set = roster.Select(a => _c.Key(a.Shift, owner[a.Volunteer])).ToHashSet();
        var c = _c;
        // A complete hint (every auxiliary variable too), so CP-SAT can take it as its first solution.
        foreach (var (key, x) in X)
        {
            Model.AddHint(x, set.Contains(key));
        }
        var count = new int[c.S];
        var load = new int[c.V];
        var worked = new HashSet<(int, int)>();
        foreach (var key in set)
        {
            var (sh, v) = c.Unkey(key);
            count[sh]++;
            load[v]++;
            worked.Add((v, c.Day[sh]));
        }
        foreach (var (var, sh) in _under)
        {
            Model.AddHint(var, Math.Max(0, c.Target[sh] - count[sh]));
        }
        foreach (var (var, sh) in _over)
        {
            Model.AddHint(var, Math.Max(0, count[sh] - c.Target[sh]));
        }
        foreach (var (var, v, d) in _workVars)
        {
            Model.AddHint(var, worked.Contains((v, d)));
        }
        foreach (var (var, v, days) in _weekends)
        {
            Model.AddHint(var, days.Any(d => worked.Contains((v, d))));
        }
        for (var v = 0; v < c.V; v++)
        {
            if (_load[v] is { } l)
            {
                Model.AddHint(l, load[v]);
            }
        }
        if (_spread is var (max, min))
        {
            Model.AddHint(max, c.V == 0 ? 0 : load.Max());
            var active = Enumerable.Range(0, c.V).Where(c.Active).Select(v => load[v]).ToList();
            Model.AddHint(min, active.Count == 0 ? (c.V == 0 ? 0 : load.Max()) : active.Min());
        }
    }
}
