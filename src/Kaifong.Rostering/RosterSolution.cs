using System.Text.Json.Serialization;

namespace Kaifong.Rostering;

/// <summary>The solution shape of docs/api-contract.md: <c>{status, objective, bound, seconds, assignments, unfilled, explanation}</c>,
/// plus the objective's components.</summary>
public sealed record RosterSolution
{
    /// <summary>"Optimal", "Feasible" or "Infeasible" (also "Unknown" when the time ran out before any roster was found).</summary>
    public required string Status { get; init; }

    public long? Objective { get; init; }

    public long? Bound { get; init; }

    public double Seconds { get; init; }

    public IReadOnlyList<ShiftVolunteer> Assignments { get; init; } = [];

    public IReadOnlyList<Unfilled> Unfilled { get; init; } = [];

    public IReadOnlyList<ExplanationItem> Explanation { get; init; } = [];

    /// <summary>The objective split into its terms; null when there is no roster.</summary>
    public ObjectiveComponents? Components { get; init; }

    /// <summary>Which engine produced the roster: "lns" (a neighbourhood), "cp-sat" (the whole model), "construct"
    /// (volunteer by volunteer), "greedy" or "scarcity-first".</summary>
    public string? Engine { get; init; }

    /// <summary>Seconds until the first feasible roster was known (null if none).</summary>
    public double? FirstFeasibleSeconds { get; init; }

    /// <summary>CP-SAT's own bound on the whole model (null when that worker did not run or the LNS engine was off and
    /// <see cref="Bound"/> is it).</summary>
    public long? CpSatBound { get; init; }

    /// <summary>The Lagrangian bound (cover rows relaxed, each volunteer's month by dynamic programming); null if not computed.</summary>
    public long? LagrangianBound { get; init; }

    /// <summary>Seconds until a roster within 1 % of the final objective was known (null if none).</summary>
    public double? SecondsToWithin1Percent { get; init; }
}

public sealed record Unfilled(string Shift, int Missing);

/// <summary>One term of the objective each; <see cref="Total"/> is their weighted sum.</summary>
public sealed record ObjectiveComponents
{
    /// <summary>Σ underWeight · max(0, target − assigned).</summary>
    public long Under { get; init; }

    /// <summary>Σ overWeight · max(0, assigned − target).</summary>
    public long Over { get; init; }

    /// <summary>Σ weights of wants not granted.</summary>
    public long Wants { get; init; }

    /// <summary>Σ weights of avoids honoured (assigned anyway).</summary>
    public long Avoids { get; init; }

    /// <summary>changeWeight · (assignments of previous dropped).</summary>
    public long Change { get; init; }

    /// <summary>fairnessWeight · (max load − min load).</summary>
    public long Fairness { get; init; }

    /// <summary>The unweighted fairness spread: most shifts − fewest shifts over volunteers who could work.</summary>
    public int LoadSpread { get; init; }

    [JsonIgnore]
    public long Total => Under + Over + Wants + Avoids + Change + Fairness;
}

/// <summary>A structured, localisable explanation: a stable <see cref="Code"/>, its arguments, and the text
/// rendered in the requested language.</summary>
public sealed record ExplanationItem
{
    public required string Code { get; init; }

    public string? Shift { get; init; }

    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>For an infeasible problem: the rules that conflict (each a code and its subject).</summary>
    public IReadOnlyList<RuleRef>? Rules { get; init; }

    public string Text { get; init; } = "";
}

/// <summary>A hard rule as it applies to one subject: <c>{rule: "maxShifts", volunteer: "v1"}</c>.</summary>
public sealed record RuleRef
{
    public required string Rule { get; init; }

    public string? Volunteer { get; init; }

    public string? Shift { get; init; }

    public string? Text { get; init; }
}
