using Kaifong.Domain.Common;
using Kaifong.Domain.People;

namespace Kaifong.Domain.Scheduling;

/// <summary>
/// 活動: something that happens, once or as a recurring series (RFC 5545 RRULE). Times are the organisation's local
/// wall-clock time: the first occurrence starts on <see cref="StartDate"/> at <see cref="StartTime"/> and lasts
/// <see cref="DurationMinutes"/>; every occurrence gets the shifts in <see cref="Shifts"/>.
/// </summary>
public sealed class Activity : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid ProgrammeId { get; set; }
    public Guid? ActivityTypeId { get; set; }
    public required string Title { get; set; }
    public string? Venue { get; set; }
    public District? District { get; set; }
    public string? Notes { get; set; }
    public DateOnly StartDate { get; set; }
    public TimeOnly StartTime { get; set; }
    public int DurationMinutes { get; set; }
    public string? RRule { get; set; }

    /// <summary>How long before an occurrence starts sign-up closes; null means until it starts.</summary>
    public int? RegistrationDeadlineMinutes { get; set; }
    public bool PrivacyMode { get; set; }
    public bool Outdoor { get; set; }
    public Guid? LeadMembershipId { get; set; }
    public List<ShiftDefinition> Shifts { get; set; } = [];

    /// <summary>This activity's confirmation window and late-cancellation cutoff in hours, over the organisation's (null = the organisation's).</summary>
    public int? ConfirmationHours { get; set; }
    public int? LateCancellationHours { get; set; }

    /// <summary>Occurrences exist up to this local date (the rolling window); null before the first materialisation.</summary>
    public DateOnly? MaterialisedUntil { get; set; }

    /// <summary>The series this one was split from by a "this and following" edit.</summary>
    public Guid? SplitFromId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised on every change; a concurrency token, so two edits at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    public bool IsSeries => RRule is not null;
    public DateTime FirstLocalStart => StartDate.ToDateTime(StartTime);
    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    /// <summary>The last local date of the series (one-off: its date).</summary>
    public DateOnly LastDate => Recurrence.LastDate(RRule, FirstLocalStart);
}

/// <summary>A shift every occurrence of an activity gets: role, local times, headcount, required skills.</summary>
public sealed record ShiftDefinition(string Role, TimeOnly Start, TimeOnly End, int Minimum, int Target, int Maximum, IReadOnlyList<string> RequiredSkills)
{
    /// <summary>
    /// Minutes from 00:00 of the occurrence's date. A shift that ends at or before it starts runs past midnight; in an
    /// activity that itself runs past midnight, a shift starting before the activity's start time is on the next day.
    /// </summary>
    public (int From, int To) Minutes(TimeOnly activityStart, bool activityOvernight)
    {
        var from = (int)Start.ToTimeSpan().TotalMinutes;
        if (activityOvernight && Start < activityStart)
        {
            from += 24 * 60;
        }

        var to = from - (int)Start.ToTimeSpan().TotalMinutes + (int)End.ToTimeSpan().TotalMinutes;
        if (End <= Start)
        {
            to += 24 * 60;
        }

        return (from, to);
    }
}

/// <summary>場次: one dated instance of an activity. <see cref="Date"/> is the date the rule gave it, kept when it moves.</summary>
public sealed class Occurrence : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid ActivityId { get; set; }
    public DateOnly Date { get; init; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }

    /// <summary>Where this occurrence alone takes place; null means the activity's venue.</summary>
    public string? Venue { get; set; }
    public bool Moved { get; set; }
    public bool Cancelled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>班次: a time slot within an occurrence for a role, with a headcount (名額) and required skills.</summary>
public sealed class Shift : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid ActivityId { get; set; }
    public Guid OccurrenceId { get; init; }

    /// <summary>Which of the activity's shift definitions this shift comes from (its index), so edits find their shifts.</summary>
    public int Slot { get; init; }

    /// <summary>The activity's programme, kept here so coordinators' scope filters without a join.</summary>
    public Guid ProgrammeId { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public int Minimum { get; set; }
    public int Target { get; set; }
    public int Maximum { get; set; }
    public List<string> RequiredSkills { get; set; } = [];

    /// <summary>People holding a place (Assigned, Confirmed, CheckedIn, Completed); kept by conditional updates in the database.</summary>
    public int Assigned { get; set; }
    public int Confirmed { get; set; }
    public int Waitlisted { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>iCalendar SEQUENCE: raised on every change people should see in their calendars.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public FillState State => FillStates.Of(Assigned, Minimum, Target, Maximum);
}

/// <summary>How full a shift is: Gap 缺人 (&lt; minimum), Short 未滿 (&lt; target), Filled 已滿額, Full 額滿 (= maximum).</summary>
public enum FillState
{
    Gap,
    Short,
    Filled,
    Full,
}

public static class FillStates
{
    public static FillState Of(int assigned, int minimum, int target, int maximum) =>
        assigned >= maximum ? FillState.Full
        : assigned >= target ? FillState.Filled
        : assigned >= minimum ? FillState.Short
        : FillState.Gap;
}
