using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

public sealed record SubstituteRequestDto(
    Guid Id, Guid ShiftId, Guid SignupId, SubstituteStatus Status, SubstituteOrigin Origin, DateTimeOffset CreatedAt, int Offered, DateTimeOffset? TakenAt);

/// <summary>An open request as a coordinator's list shows it (尋找替班中).</summary>
public sealed record OpenSubstituteDto(
    Guid Id, Guid ShiftId, string Title, string Role, DateTimeOffset Start, DateTimeOffset End, string RequestedBy, SubstituteOrigin Origin,
    DateTimeOffset CreatedAt, int Offered);

/// <summary>
/// Opening and closing substitute requests, shared by <see cref="SubstituteCommands"/> and <see cref="SignupCommands"/>
/// (cancelling or confirming a place closes its request). Writes in the caller's transaction; the caller saves.
/// </summary>
public sealed class SubstituteOffers(KaifongDb db, SignupNotices notices, TimeProvider time)
{
    /// <summary>At most this many members are offered one request (best ranked first), so a big organisation is not spammed.</summary>
    public const int MaxOffers = 40;

    /// <summary>
    /// Opens a request for a place and offers it to the eligible, available, non-conflicting members (ranked as "who can
    /// fill this" ranks them), each told through the outbox. Returns the request and how many were offered.
    /// </summary>
    public async Task<(SubstituteRequest? Request, int Offered, Error? Error)> OpenAsync(
        SignupCommands.ShiftContext c, Signup signup, SubstituteOrigin origin, IReadOnlyList<FillCandidate> gathered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(signup);
        var now = time.GetUtcNow();
        var alreadyOpen = await db.SubstituteRequests.AnyAsync(r => r.SignupId == signup.Id && r.Status == SubstituteStatus.Open, ct);
        var asked = SubstituteRequest.Ask(Ids.New(time), c.Organisation.Id, c.Shift.Id, signup.Id, signup.MembershipId, signup.Status, alreadyOpen, c.Shift.Start, now, origin);
        if (asked.Error is { } refused)
        {
            return (null, 0, refused);
        }

        var request = asked.Value!;
        var ranked = FillCandidates.Rank(gathered, c.Activity.District, take: int.MaxValue);
        var offered = SubstituteRules.Candidates(request, ranked.Select(m => new SubstituteCandidate(m.MembershipId, m.Ineligible, m.Conflicts, m.Available)))
            .Take(MaxOffers).ToArray();
        db.SubstituteRequests.Add(request);
        foreach (var membershipId in offered)
        {
            db.SubstituteOffers.Add(new SubstituteOffer { Id = Ids.New(time), OrganisationId = c.Organisation.Id, RequestId = request.Id, MembershipId = membershipId, CreatedAt = now });
        }

        var userIds = await db.Memberships.AsNoTracking().Where(m => offered.Contains(m.Id)).Select(m => m.UserId).ToListAsync(ct);
        await notices.OfferedAsync(c, request.Id, userIds, ct);
        return (request, offered.Length, null);
    }

    /// <summary>Withdraws the sign-up's open request (of one origin, or any), telling those offered it is no longer needed. Returns the messages written.</summary>
    public async Task<int> CloseOpenAsync(SignupCommands.ShiftContext c, Guid signupId, SubstituteOrigin? origin, CancellationToken ct)
    {
        var open = await db.SubstituteRequests.AsNoTracking()
            .Where(r => r.SignupId == signupId && r.Status == SubstituteStatus.Open && (origin == null || r.Origin == origin))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (open is not { } id
            || await db.SubstituteRequests.Where(r => r.Id == id && r.Status == SubstituteStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SubstituteStatus.Withdrawn), ct) == 0)
        {
            return 0;
        }

        return await TellOthersAsync(c, id, except: null, ct);
    }

    /// <summary>Tells everyone offered the request (but <paramref name="except"/>, the one who took it) that it is gone.</summary>
    public async Task<int> TellOthersAsync(SignupCommands.ShiftContext c, Guid requestId, Guid? except, CancellationToken ct)
    {
        var userIds = await (
                from o in db.SubstituteOffers.AsNoTracking()
                join m in db.Memberships.AsNoTracking() on o.MembershipId equals m.Id
                where o.RequestId == requestId && o.MembershipId != except
                select m.UserId)
            .ToListAsync(ct);
        await notices.GoneAsync(c, requestId, userIds, ct);
        return userIds.Count;
    }
}

/// <summary>
/// 尋找替班: a person who cannot come asks; eligible, available, non-conflicting members are offered the place; the first
/// to accept takes it in one transaction (a conditional update on the request decides who was first, so a second acceptor
/// gets <c>substitute.taken</c>); until then the requester keeps the place and stays responsible for it.
/// </summary>
public sealed class SubstituteCommands(
    KaifongDb db, TimeProvider time, SignupCommands signups, SubstituteOffers offers, CandidateQueries candidates, SignupNotices notices, ScheduleNotices live)
{
    public static readonly Error AlreadyOnShift = new("substitute.already_on_shift", "Error.SubstituteAlreadyOnShift", ErrorKind.Conflict);

    /// <summary>The person (or staff in scope, for someone who phoned in) asks for a substitute for a place.</summary>
    public async Task<(SubstituteRequestDto? Value, bool Created, IReadOnlyList<Error> Errors)> AskAsync(Guid userId, Guid signupId, CancellationToken ct)
    {
        var (signup, c, error) = await signups.OwnSignupAsync(userId, signupId, staffMayAct: true, ct);
        if (error is not null)
        {
            return (null, false, [error]);
        }

        if (await OpenForAsync(signupId, ct) is { } existing)
        {
            // A second tap answers with the request already open.
            return (existing, false, []);
        }

        var gathered = await candidates.GatherAsync(c!, ct);
        var (request, offered, refused) = await offers.OpenAsync(c!, signup!, SubstituteOrigin.Asked, gathered, ct);
        if (refused is not null)
        {
            return (null, false, [refused]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two taps at once: the unique index on open requests kept the other one.
            db.ChangeTracker.Clear();
            return await OpenForAsync(signupId, ct) is { } kept ? (kept, false, []) : (null, false, [SignupErrors.SubstituteAlreadyOpen]);
        }

        await live.PublishedAsync(c!.Organisation.Id, offered);
        return (Dto(request!, offered), true, []);
    }

    /// <summary>接替: the caller takes the place. Refused when someone was quicker, when they are not eligible or it clashes.</summary>
    public async Task<(SignupDto? Value, IReadOnlyList<Error> Errors)> AcceptAsync(Guid userId, Guid requestId, CancellationToken ct)
    {
        var request = await db.SubstituteRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        var c = request is null ? null : await signups.ContextAsync(userId, request.ShiftId, ct);
        if (request is null || c is null)
        {
            return (null, [ScheduleCommands.NotFound]);
        }

        var now = time.GetUtcNow();
        if (request.Accept(c.Me.Id, c.Shift.Start, now) is { } refused)
        {
            return (null, [refused]);
        }

        var mine = await db.Signups.AsNoTracking().FirstOrDefaultAsync(s => s.ShiftId == c.Shift.Id && s.MembershipId == c.Me.Id, ct);
        if (mine is not null && SignupMoves.HoldsPlace(mine.Status))
        {
            return (null, [AlreadyOnShift]);
        }

        var errors = await signups.RulesAsync(c, c.Me, coordinator: false, reason: null, ct, ignoreDeadline: true);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var requester = await db.Signups.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SignupId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SubstituteRequests.Where(r => r.Id == requestId && r.Status == SubstituteStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, SubstituteStatus.Taken).SetProperty(r => r.TakenBy, c.Me.Id).SetProperty(r => r.TakenAt, now), ct) == 0)
        {
            // Someone pressed first (or it was withdrawn) between our read and this update.
            var status = await db.SubstituteRequests.Where(r => r.Id == requestId).Select(r => r.Status).FirstAsync(ct);
            return (null, [status == SubstituteStatus.Taken ? SignupErrors.SubstituteTaken : SignupErrors.SubstituteClosed]);
        }

        // The place passes from the requester to the acceptor: the requester's sign-up ends, the count of places stays.
        if (requester is null || await db.Signups.Where(s => s.Id == requester.Id && (s.Status == SignupStatus.Assigned || s.Status == SignupStatus.Confirmed))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SignupStatus.Cancelled).SetProperty(s => s.CancelledAt, now).SetProperty(s => s.UpdatedAt, now), ct) == 0)
        {
            return (null, [SignupErrors.SubstituteClosed]);
        }

        var acceptor = await db.Signups.FirstOrDefaultAsync(s => s.ShiftId == c.Shift.Id && s.MembershipId == c.Me.Id, ct);
        var wasWaiting = acceptor is { Status: SignupStatus.Waitlisted or SignupStatus.Standby } ? 1 : 0;
        var move = acceptor is null ? SignupMoves.Start(SignupAction.TakeOver) : SignupMoves.Move(acceptor.Status, SignupAction.TakeOver);
        if (move.Error is { } invalid)
        {
            return (null, [invalid]);
        }

        if (acceptor is null)
        {
            acceptor = new Signup { Id = Ids.New(time), OrganisationId = c.Organisation.Id, ShiftId = c.Shift.Id, MembershipId = c.Me.Id, UserId = c.Me.UserId, CreatedAt = now };
            db.Signups.Add(acceptor);
        }

        acceptor.Status = move.Value;
        acceptor.UpdatedAt = now;
        acceptor.AssignedAt = now;
        acceptor.ConfirmedAt = now;
        acceptor.ConfirmBy = null;
        acceptor.CancelledAt = null;
        acceptor.LateCancellation = false;
        acceptor.ActedBy = null;
        acceptor.OverrideReason = null;
        var requesterConfirmed = requester.Status == SignupStatus.Confirmed ? 1 : 0;
        await db.Shifts.Where(s => s.Id == c.Shift.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Confirmed, s => s.Confirmed + 1 - requesterConfirmed)
            .SetProperty(s => s.Waitlisted, s => s.Waitlisted - wasWaiting), ct);

        await notices.TakenAsync(c, requestId, requester.UserId, ct);
        await notices.ConfirmedAsync(c, acceptor, ct);
        var told = 2 + await offers.TellOthersAsync(c, requestId, except: c.Me.Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await live.PublishedAsync(c.Organisation.Id, told);
        return (new SignupDto(acceptor.Id, acceptor.ShiftId, acceptor.Status, null, false), []);
    }

    /// <summary>The requester (or staff in scope) calls the request off: they keep the place; those offered are told.</summary>
    public async Task<(SubstituteRequestDto? Value, IReadOnlyList<Error> Errors)> WithdrawAsync(Guid userId, Guid requestId, CancellationToken ct)
    {
        var request = await db.SubstituteRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return (null, [ScheduleCommands.NotFound]);
        }

        var (_, c, error) = await signups.OwnSignupAsync(userId, request.SignupId, staffMayAct: true, ct);
        if (error is not null)
        {
            return (null, [error]);
        }

        if (request.Withdraw() is { } refused)
        {
            return (null, [refused]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var told = await offers.CloseOpenAsync(c!, request.SignupId, origin: null, ct);
        var status = await db.SubstituteRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Status).FirstAsync(ct);
        if (status != SubstituteStatus.Withdrawn)
        {
            return (null, [status == SubstituteStatus.Taken ? SignupErrors.SubstituteTaken : SignupErrors.SubstituteClosed]);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await live.PublishedAsync(c!.Organisation.Id, told);
        return (Dto(request, await OfferCountAsync(requestId, ct)), []);
    }

    /// <summary>The open requests on a shift, oldest first (one per place), as the shift page shows them.</summary>
    public async Task<IReadOnlyList<SubstituteRequest>> OpenOnShiftAsync(Guid shiftId, CancellationToken ct) =>
        (await db.SubstituteRequests.AsNoTracking().Where(r => r.ShiftId == shiftId && r.Status == SubstituteStatus.Open).ToListAsync(ct))
            .OrderBy(r => r.CreatedAt).ToArray();

    /// <summary>The organisation's open requests in the viewer's scope, soonest shift first: the coordinators' list.</summary>
    public async Task<IReadOnlyList<OpenSubstituteDto>> OpenListAsync(Infrastructure.OrgContext org, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(org);
        var now = time.GetUtcNow();
        var rows = await (
                from r in db.SubstituteRequests.AsNoTracking()
                join sh in db.Shifts.AsNoTracking() on r.ShiftId equals sh.Id
                join a in db.Activities.AsNoTracking() on sh.ActivityId equals a.Id
                join m in db.Memberships.AsNoTracking() on r.RequestedByMembershipId equals m.Id
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                where r.OrganisationId == org.Id && r.Status == SubstituteStatus.Open && sh.End > now
                select new { r.Id, r.ShiftId, a.Title, sh.Role, sh.Start, sh.End, sh.ProgrammeId, u.DisplayName, r.Origin, r.CreatedAt, Offered = db.SubstituteOffers.Count(o => o.RequestId == r.Id) })
            .ToListAsync(ct);
        return rows.Where(r => ScheduleCommands.CanManage(org.Viewer, r.ProgrammeId))
            .OrderBy(r => r.Start)
            .Select(r => new OpenSubstituteDto(r.Id, r.ShiftId, r.Title, r.Role, r.Start, r.End, r.DisplayName, r.Origin, r.CreatedAt, r.Offered))
            .ToArray();
    }

    private async Task<SubstituteRequestDto?> OpenForAsync(Guid signupId, CancellationToken ct)
    {
        var open = await db.SubstituteRequests.AsNoTracking().FirstOrDefaultAsync(r => r.SignupId == signupId && r.Status == SubstituteStatus.Open, ct);
        return open is null ? null : Dto(open, await OfferCountAsync(open.Id, ct));
    }

    private Task<int> OfferCountAsync(Guid requestId, CancellationToken ct) => db.SubstituteOffers.CountAsync(o => o.RequestId == requestId, ct);

    public static SubstituteRequestDto Dto(SubstituteRequest r, int offered) =>
        new(r.Id, r.ShiftId, r.SignupId, r.Status, r.Origin, r.CreatedAt, offered, r.TakenAt);
}
