using System.Text.Json.Serialization;

namespace Kaifong.Rostering;

/// <summary>
/// Roster problem v1, exactly as docs/api-contract.md ("Auto-roster") defines it.
/// Every field but <see cref="Start"/>, <see cref="Days"/>, <see cref="Shifts"/> and <see cref="Volunteers"/>
/// is optional; absent means no such rule.
/// </summary>
public sealed record RosterProblem
{
    /// <summary>The horizon's first day (local date, "2026-12-07"). Its weekday decides where the weekends fall.</summary>
    public required string Start { get; init; }

    /// <summary>Number of days in the horizon; shifts have <c>day</c> 0 … days − 1.</summary>
    public required int Days { get; init; }

    public required IReadOnlyList<ShiftSpec> Shifts { get; init; }

    public required IReadOnlyList<VolunteerSpec> Volunteers { get; init; }

    /// <summary>A volunteer who works a shift of <c>type</c> may not work one of type <c>next</c> the next day.</summary>
    public IReadOnlyList<ForbiddenNextDay> ForbiddenNextDay { get; init; } = [];

    /// <summary>Minutes of rest a volunteer needs between the end of one shift and the start of the next.</summary>
    public int MinRestMinutes { get; init; }

    public IReadOnlyList<ShiftVolunteer> Locked { get; init; } = [];

    /// <summary>The roster before this re-roster; each of its assignments dropped costs <see cref="ChangeWeight"/>.</summary>
    public IReadOnlyList<ShiftVolunteer> Previous { get; init; } = [];

    public long ChangeWeight { get; init; }

    public bool OneShiftPerDay { get; init; }

    /// <summary>Weight of the fairness term: (most shifts of any volunteer) − (fewest shifts of any volunteer
    /// who could work at least one shift). See docs/architecture.md.</summary>
    public long FairnessWeight { get; init; }
}

public sealed record ShiftSpec
{
    public required string Id { get; init; }

    public required int Day { get; init; }

    /// <summary>Shift type, used by maxShiftsPerType and forbiddenNextDay ("AM", "PM", "D", …).</summary>
    public string Type { get; init; } = "";

    /// <summary>Local start time "HH:mm"; absent with <see cref="End"/> means an untimed shift of no length.</summary>
    public string? Start { get; init; }

    /// <summary>Local end time "HH:mm"; an end before the start runs past midnight.</summary>
    public string? End { get; init; }

    public IReadOnlyList<string> Skills { get; init; } = [];

    public int Minimum { get; init; }

    /// <summary>Wanted head count; absent means <see cref="Minimum"/>.</summary>
    public int? Target { get; init; }

    /// <summary>Hard upper head count; null means none.</summary>
    public int? Maximum { get; init; }

    /// <summary>Cost of each place below target; absent means 1.</summary>
    public long UnderWeight { get; init; } = 1;

    /// <summary>Cost of each person above target; absent means 0.</summary>
    public long OverWeight { get; init; }

    [JsonIgnore]
    public int TargetOrMinimum => Target ?? Minimum;
}

public sealed record VolunteerSpec
{
    public required string Id { get; init; }

    public IReadOnlyList<string> Skills { get; init; } = [];

    public int? MaxShifts { get; init; }

    public IReadOnlyDictionary<string, int> MaxShiftsPerType { get; init; } = new Dictionary<string, int>();

    public int MinMinutes { get; init; }

    public int? MaxMinutes { get; init; }

    public int? MaxConsecutiveDays { get; init; }

    public int? MinConsecutiveDays { get; init; }

    public int? MinConsecutiveDaysOff { get; init; }

    public int? MaxWeekends { get; init; }

    public IReadOnlyList<int> UnavailableDays { get; init; } = [];

    public IReadOnlyList<string> UnavailableShifts { get; init; } = [];

    public IReadOnlyList<WeightedShift> Wants { get; init; } = [];

    public IReadOnlyList<WeightedShift> Avoids { get; init; } = [];
}

public sealed record WeightedShift(string Shift, long Weight);

public sealed record ShiftVolunteer(string Shift, string Volunteer);

public sealed record ForbiddenNextDay(string Type, string Next);
