using Kaifong.Domain.Common;

namespace Kaifong.Domain.Scheduling;

/// <summary>報名 / 編更: a person on a shift. Its moves between states are the table in <see cref="Signups.SignupMoves"/>; scheduling reads them.</summary>
public sealed class Signup : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid ShiftId { get; init; }
    public Guid MembershipId { get; init; }

    /// <summary>The person's account, so "my shifts" reads across organisations.</summary>
    public Guid UserId { get; init; }
    public SignupStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the place was given (the confirmation window runs from here) and by when it must be confirmed.</summary>
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? ConfirmBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the coordinators were told this Assigned place went past its confirm-by time unconfirmed (once).</summary>
    public DateTimeOffset? UnconfirmedReportedAt { get; set; }

    /// <summary>Cancelled inside the cutoff before the start (counted in the quarterly review).</summary>
    public bool LateCancellation { get; set; }

    /// <summary>The registration form's answers (JSON, question key → answer), collected under the PICS.</summary>
    public string? Answers { get; set; }

    /// <summary>Who put the person on the shift when it was not themselves, and the reason when a limit was overridden (audited).</summary>
    public Guid? ActedBy { get; set; }
    public string? OverrideReason { get; set; }
}

public enum SignupStatus
{
    Proposed,
    Assigned,
    Confirmed,
    Waitlisted,
    Standby,
    Declined,
    Cancelled,
    CheckedIn,
    Completed,
    NoShow,
}

public static class SignupStatuses
{
    /// <summary>States that hold one of the shift's places.</summary>
    public static readonly IReadOnlyList<SignupStatus> HoldingPlace =
        [SignupStatus.Assigned, SignupStatus.Confirmed, SignupStatus.CheckedIn, SignupStatus.Completed];

    /// <summary>States in which the shift is on the person's own list ("my shifts", the calendar feed, change notices).</summary>
    public static readonly IReadOnlyList<SignupStatus> OnMyList =
        [SignupStatus.Assigned, SignupStatus.Confirmed, SignupStatus.Waitlisted, SignupStatus.Standby, SignupStatus.CheckedIn, SignupStatus.Completed, SignupStatus.NoShow];
}

/// <summary>A secret, revocable iCalendar feed URL: calendar apps cannot send tokens, so the URL is the key.</summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string Token { get; init; }

    /// <summary>Null for a person's own shifts across organisations; set for a coordinator's programme feed.</summary>
    public Guid? OrganisationId { get; init; }
    public Guid? ProgrammeId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
