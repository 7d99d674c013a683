using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Signups;

/// <summary>Where a substitute request stands: open until someone takes it, the requester withdraws it, or the shift starts.</summary>
public enum SubstituteStatus
{
    Open,
    Taken,
    Withdrawn,
    Expired,
}

/// <summary>Why a request was opened: the person asked, or their place went unconfirmed past its confirm-by time and the
/// organisation's policy offers such places on.</summary>
public enum SubstituteOrigin
{
    Asked,
    Unconfirmed,
}

/// <summary>
/// 尋找替班: a volunteer who cannot come asks for someone to take their place. Until someone accepts, the requester keeps
/// the place and stays responsible for it (their sign-up does not change); the first to accept takes the place, and the
/// caller moves the requester's sign-up to Cancelled and the acceptor's to Confirmed (<see cref="SignupAction.TakeOver"/>)
/// in the same transaction, so the place passes between them and is not offered to the waitlist.
/// </summary>
public sealed class SubstituteRequest : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid SignupId { get; init; }
    public Guid ShiftId { get; init; }
    public Guid RequestedByMembershipId { get; init; }
    public SubstituteStatus Status { get; private set; }
    public SubstituteOrigin Origin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? TakenBy { get; private set; }
    public DateTimeOffset? TakenAt { get; private set; }

    /// <summary>Who answers for the place now: the requester until someone accepts, then the acceptor.</summary>
    public Guid Responsible => TakenBy ?? RequestedByMembershipId;

    /// <summary>
    /// Asks for a substitute for a place the person holds (Assigned or Confirmed) on a shift that has not started.
    /// One open request per sign-up: the caller passes whether one is open already.
    /// </summary>
    public static Result<SubstituteRequest> Ask(
        Guid id, Guid organisationId, Guid shiftId, Guid signupId, Guid membershipId,
        SignupStatus signupStatus, bool alreadyOpen, DateTimeOffset shiftStart, DateTimeOffset now, SubstituteOrigin origin = SubstituteOrigin.Asked)
    {
        if (ConfirmationRules.BeforeStart(shiftStart, now) is { } started)
        {
            return started;
        }

        if (signupStatus is not (SignupStatus.Assigned or SignupStatus.Confirmed))
        {
            return SignupErrors.SubstituteNeedsPlace;
        }

        if (alreadyOpen)
        {
            return SignupErrors.SubstituteAlreadyOpen;
        }

        return new SubstituteRequest
        {
            Id = id, OrganisationId = organisationId, ShiftId = shiftId, SignupId = signupId,
            RequestedByMembershipId = membershipId, Status = SubstituteStatus.Open, Origin = origin, CreatedAt = now,
        };
    }

    /// <summary>
    /// Someone takes the place. Refused when it is already taken (<c>substitute.taken</c>: someone was quicker), withdrawn or
    /// expired, when the requester tries to take their own, or once the shift has started. Eligibility and conflicts are
    /// the caller's check (<see cref="SubstituteRules.Candidates"/>) before this.
    /// </summary>
    public Error? Accept(Guid membershipId, DateTimeOffset shiftStart, DateTimeOffset now)
    {
        if (Status == SubstituteStatus.Taken)
        {
            return SignupErrors.SubstituteTaken;
        }

        if (Status != SubstituteStatus.Open)
        {
            return SignupErrors.SubstituteClosed;
        }

        if (membershipId == RequestedByMembershipId)
        {
            return SignupErrors.SubstituteOwn;
        }

        if (ConfirmationRules.BeforeStart(shiftStart, now) is { } started)
        {
            return started;
        }

        Status = SubstituteStatus.Taken;
        TakenBy = membershipId;
        TakenAt = now;
        return null;
    }

    /// <summary>The requester (or a coordinator) calls it off while it is open: they keep the place.</summary>
    public Error? Withdraw() => Close(SubstituteStatus.Withdrawn);

    /// <summary>Nobody took it by the start: the requester still holds the place (and will be marked present or absent).</summary>
    public Error? Expire() => Close(SubstituteStatus.Expired);

    private Error? Close(SubstituteStatus to)
    {
        if (Status != SubstituteStatus.Open)
        {
            return Status == SubstituteStatus.Taken ? SignupErrors.SubstituteTaken : SignupErrors.SubstituteClosed;
        }

        Status = to;
        return null;
    }
}

/// <summary>What the offer list knows of one member: their eligibility problems and their conflicts with the shift.</summary>
public sealed record SubstituteCandidate(Guid MembershipId, IReadOnlyList<Error> Ineligible, IReadOnlyList<Conflict> Conflicts, bool? Available = null);

/// <summary>Who is offered a substitute request.</summary>
public static class SubstituteRules
{
    /// <summary>
    /// The members offered the place: not the requester, eligible (no problem from <see cref="Eligibility.Check"/>),
    /// with no conflict at all (<see cref="ConflictCheck.Find"/>): nobody overrides a limit for a self-service offer, and
    /// not marked unavailable then (availability unknown is offered: most people never fill it in).
    /// The registration deadline does not apply: taking over a place close to the start is what substitutes are for.
    /// Members who already hold a place on the shift are not passed in by the caller.
    /// </summary>
    public static IReadOnlyList<Guid> Candidates(SubstituteRequest request, IEnumerable<SubstituteCandidate> members)
    {
        ArgumentNullException.ThrowIfNull(request);
        return members
            .Where(m => m.MembershipId != request.RequestedByMembershipId && m.Ineligible.All(e => e.Code == SignupErrors.DeadlinePassed.Code) && m.Conflicts.Count == 0 && m.Available != false)
            .Select(m => m.MembershipId)
            .Distinct()
            .ToArray();
    }
}

/// <summary>
/// 替班邀請: one member a substitute request was offered to. Kept so that, once someone accepts, the others can be told the
/// place is gone, and so a coordinator sees how many were asked.
/// </summary>
public sealed class SubstituteOffer : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid RequestId { get; init; }
    public Guid MembershipId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
