using System.Text.Json;
using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Web.Features.Scheduling;
using Kaifong.Web.Infrastructure;
using Kaifong.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

public sealed record SignupDto(Guid Id, Guid ShiftId, SignupStatus Status, DateTimeOffset? ConfirmBy, bool LateCancellation);

public sealed record SignupRequest(Dictionary<string, string?>? Answers);

public sealed record AssignmentRequest(Guid? MembershipId, string? Reason);

public sealed record BulkAssignmentRequest(IReadOnlyList<Guid>? MembershipIds, string? Reason);

public sealed record BulkAssignmentResult(Guid MembershipId, SignupDto? Signup, string? Code, string? Message);

public sealed record MoveRequest(Guid? ShiftId, string? Reason);

/// <summary>
/// Filling shifts: self sign-up, a coordinator's assignment, confirming, cancelling (the waitlist moves up). The rules are
/// the domain's (<see cref="Eligibility"/>, <see cref="ConflictCheck"/>, <see cref="SignupMoves"/>); places are counted in
/// the database with conditional updates, so two hundred people pressing at once for ten places get exactly ten.
/// </summary>
public sealed class SignupCommands(KaifongDb db, TimeProvider time, AuditLog audit, SignupNotices notices, ScheduleNotices live, SubstituteOffers substitutes)
{
    /// <summary>
    /// The shift with what the rules need, and the caller's membership in its organisation (null when not a member: 404).
    /// <see cref="Activity"/> comes without its shift definitions (<see cref="Scheduling.Activity.Shifts"/> is empty) and
    /// notes, <see cref="Organisation"/> without its three PICS texts: none of the callers read them, and parsing the
    /// activity's JSON shift list and reading the texts cost every sign-up (bench/README.md, "Sign-ups under load").
    /// </summary>
    public sealed record ShiftContext(
        Shift Shift, Activity Activity, Organisation Organisation, Membership Me, Viewer Viewer, IReadOnlyList<string> RequiredSkills, int? MinimumAge,
        IReadOnlyList<FormField> Form)
    {
        /// <summary>The shift as the audit log names it: the organisation's own words and the local start, readable in any language.</summary>
        public string AuditName => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Activity.Title} · {Shift.Role} · {TimeZoneInfo.ConvertTime(Shift.Start, Organisation.Zone):yyyy-MM-dd HH:mm}");
    }

    public async Task<ShiftContext?> ContextAsync(Guid userId, Guid shiftId, CancellationToken ct)
    {
        // One round trip: the shift, its activity and organisation (the columns used), the caller's active membership
        // (unique per organisation and user) with its programmes, and the activity type's skills, minimum age and form.
        var row = await ContextQuery(db, shiftId, userId).FirstOrDefaultAsync(ct);
        if (row?.Me is not { } me)
        {
            return null;
        }

        me.Programmes.AddRange(row.Programmes.Select(p => new MembershipProgramme { MembershipId = me.Id, ProgrammeId = p }));
        var skills = row.Shift.RequiredSkills.Concat(row.TypeSkills ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new ShiftContext(row.Shift, row.Activity, row.Organisation, me, Viewer.Of(me), skills, row.MinimumAge, row.Form ?? []);
    }

    private sealed record ContextRow(
        Shift Shift, Activity Activity, Organisation Organisation, Membership? Me, List<Guid> Programmes, List<string>? TypeSkills, int? MinimumAge, List<FormField>? Form);

    private static IQueryable<ContextRow> ContextQuery(KaifongDb db, Guid shiftId, Guid userId) =>
        from s in db.Shifts.AsNoTracking()
        join a in db.Activities on s.ActivityId equals a.Id
        join o in db.Organisations on s.OrganisationId equals o.Id
        from m in db.Memberships.Where(m => m.OrganisationId == s.OrganisationId && m.UserId == userId && m.Status == MembershipStatus.Active).DefaultIfEmpty()
        from t in db.ActivityTypes.Where(t => t.Id == a.ActivityTypeId).DefaultIfEmpty()
        where s.Id == shiftId
        select new ContextRow(
            s,
            new Activity
            {
                Id = a.Id, OrganisationId = a.OrganisationId, ProgrammeId = a.ProgrammeId, ActivityTypeId = a.ActivityTypeId, Title = a.Title,
                Venue = a.Venue, District = a.District, StartDate = a.StartDate, StartTime = a.StartTime, DurationMinutes = a.DurationMinutes,
                RRule = a.RRule, RegistrationDeadlineMinutes = a.RegistrationDeadlineMinutes, PrivacyMode = a.PrivacyMode, Outdoor = a.Outdoor,
                LeadMembershipId = a.LeadMembershipId, ConfirmationHours = a.ConfirmationHours, LateCancellationHours = a.LateCancellationHours,
                MaterialisedUntil = a.MaterialisedUntil, SplitFromId = a.SplitFromId, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt, Version = a.Version,
            },
            new Organisation
            {
                Id = o.Id, Name = o.Name, Slug = o.Slug, TimeZone = o.TimeZone, DefaultLanguage = o.DefaultLanguage, CreatedAt = o.CreatedAt,
                WeeklyShiftLimit = o.WeeklyShiftLimit, MonthlyShiftLimit = o.MonthlyShiftLimit, MinRestMinutes = o.MinRestMinutes,
                ConfirmationHours = o.ConfirmationHours, LateCancellationHours = o.LateCancellationHours, OfferUnconfirmedPlaces = o.OfferUnconfirmedPlaces,
            },
            m,
            m!.Programmes.Select(p => p.ProgrammeId).ToList(),
            t!.RequiredSkills,
            t.MinimumAge,
            t.Form);

    /// <summary>報名: the caller signs up. A second press answers the same sign-up (created = false).</summary>
    public async Task<(SignupDto? Value, bool Created, IReadOnlyList<Error> Errors)> SignUpAsync(Guid userId, Guid shiftId, SignupRequest? input, CancellationToken ct)
    {
        var c = await ContextAsync(userId, shiftId, ct);
        if (c is null)
        {
            return (null, false, [ScheduleCommands.NotFound]);
        }

        // A second press is answered by PlaceAsync, which finds the first one's sign-up once it holds the shift's row:
        // one query fewer for everyone else.
        var (answers, answerErrors) = Answers(c, input?.Answers);
        if (answerErrors.Count > 0)
        {
            return (null, false, answerErrors);
        }

        var errors = await RulesAsync(c, c.Me, coordinator: false, reason: null, ct);
        if (errors.Count > 0)
        {
            return (null, false, errors);
        }

        return await PlaceAsync(c, c.Me, answers, actedBy: null, reason: null, waitlistWhenFull: true, ct);
    }

    /// <summary>
    /// 編更: a coordinator in scope puts a member on a shift; limits may be overridden with a reason (audited). The member must be one the coordinator may see (the member list's
    /// scope), except when moving someone who already holds a place on a shift the coordinator manages
    /// (<paramref name="alreadyParticipant"/>).
    /// </summary>
    public async Task<(SignupDto? Value, bool Created, IReadOnlyList<Error> Errors)> AssignAsync(
        Guid userId, Guid shiftId, AssignmentRequest input, CancellationToken ct, bool alreadyParticipant = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await ContextAsync(userId, shiftId, ct);
        if (c is null)
        {
            return (null, false, [ScheduleCommands.NotFound]);
        }

        if (!ScheduleCommands.CanManage(c.Viewer, c.Shift.ProgrammeId))
        {
            return (null, false, [ScheduleCommands.Forbidden]);
        }

        // The reason is kept in the sign-up and the audit log: checked by the text rule whether or not a limit needs it.
        var reasonErrors = new List<Error>();
        var reason = FreeText.Check(input.Reason, Limits.AuditDetail, "reason", reasonErrors, tooLong: SignupErrors.OverrideReasonTooLong);
        if (reasonErrors.Count > 0)
        {
            return (null, false, reasonErrors);
        }

        // Only someone the coordinator may see (the member list's scope): anyone else is unknown to them.
        var person = input.MembershipId is { } id
            ? await (alreadyParticipant ? db.Memberships.AsNoTracking() : db.Memberships.AsNoTracking().VisibleTo(c.Viewer)).FirstOrDefaultAsync(m => m.Id == id && m.OrganisationId == c.Organisation.Id, ct)
            : null;
        if (person is null)
        {
            return (null, false, [new Error("validation", "Error.UnknownMember", Field: "membershipId")]);
        }

        if (await ExistingAsync(shiftId, person.Id, ct) is { } existing && SignupMoves.IsActive(existing.Status))
        {
            return (Dto(existing), false, []);
        }

        var errors = await RulesAsync(c, person, coordinator: true, reason, ct);
        if (errors.Count > 0)
        {
            return (null, false, errors);
        }

        return await PlaceAsync(c, person, null, actedBy: c.Me.Id, reason, waitlistWhenFull: false, ct);
    }

    /// <summary>Several people onto one shift (a coordinator's bulk 編更): each answered on its own, in order, until the shift is full.</summary>
    public async Task<(IReadOnlyList<BulkAssignmentResult>? Value, IReadOnlyList<Error> Errors)> AssignManyAsync(
        Guid userId, Guid shiftId, BulkAssignmentRequest input, Func<Error, string> text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var ids = (input.MembershipIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > 100)
        {
            return (null, [new Error("validation", "Error.BulkCount", Field: "membershipIds", Args: [100])]);
        }

        var results = new List<BulkAssignmentResult>();
        foreach (var id in ids)
        {
            var (dto, _, errors) = await AssignAsync(userId, shiftId, new AssignmentRequest(id, input.Reason), ct);
            if (errors.Count > 0 && errors[0].Kind is ErrorKind.NotFound or ErrorKind.Forbidden && results.Count == 0)
            {
                return (null, errors);
            }

            results.Add(new BulkAssignmentResult(id, dto, errors.FirstOrDefault()?.Code, errors.Count > 0 ? text(errors[0]) : null));
        }

        return (results, []);
    }

    /// <summary>
    /// A coordinator moves a person to another shift: onto the new one first (the same rules; a reason may override a limit),
    /// then off the old one (its place goes to the waitlist). If the new shift refuses, nothing changes.
    /// </summary>
    public async Task<(SignupDto? Value, IReadOnlyList<Error> Errors)> MoveAsync(Guid userId, Guid signupId, MoveRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (signup, c, error) = await OwnSignupAsync(userId, signupId, staffMayAct: true, ct);
        if (error is not null)
        {
            return (null, [error]);
        }

        if (!ScheduleCommands.CanManage(c!.Viewer, c.Shift.ProgrammeId))
        {
            return (null, [ScheduleCommands.Forbidden]);
        }

        if (input.ShiftId is not { } target || target == signup!.ShiftId)
        {
            return (null, [new Error("validation", "Error.Invalid", Field: "shiftId")]);
        }

        var (moved, _, errors) = await AssignAsync(userId, target, new AssignmentRequest(signup.MembershipId, input.Reason), ct, alreadyParticipant: true);
        if (moved is null)
        {
            return (null, errors);
        }

        var (_, cancelErrors) = await CancelAsync(userId, signupId, ct);
        return cancelErrors.Count > 0 && cancelErrors[0] != SignupErrors.AlreadyCancelled ? (null, cancelErrors) : (moved, []);
    }

    /// <summary>確認出席: the person confirms their own place.</summary>
    public async Task<(SignupDto? Value, IReadOnlyList<Error> Errors)> ConfirmAsync(Guid userId, Guid signupId, CancellationToken ct)
    {
        var (signup, c, error) = await OwnSignupAsync(userId, signupId, staffMayAct: false, ct);
        if (error is not null)
        {
            return (null, [error]);
        }

        if (signup!.Status == SignupStatus.Confirmed)
        {
            return (Dto(signup), []);
        }

        if (ConfirmationRules.BeforeStart(c!.Shift.Start, time.GetUtcNow()) is { } started)
        {
            return (null, [started]);
        }

        var move = SignupMoves.Move(signup.Status, SignupAction.Confirm);
        if (move.Error is { } invalid)
        {
            return (null, [invalid]);
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Signups.Where(s => s.Id == signupId && s.Status == signup.Status)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SignupStatus.Confirmed).SetProperty(s => s.ConfirmedAt, now).SetProperty(s => s.UpdatedAt, now), ct);
        if (changed == 0)
        {
            return (null, [SignupErrors.InvalidMove]);
        }

        await db.Shifts.Where(s => s.Id == signup.ShiftId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Confirmed, s => s.Confirmed + 1), ct);

        // A place offered on because it went unconfirmed is the person's again once they confirm.
        var told = await substitutes.CloseOpenAsync(c, signupId, SubstituteOrigin.Unconfirmed, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await live.PublishedAsync(c.Organisation.Id, told);
        return (Dto(signup) with { Status = SignupStatus.Confirmed }, []);
    }

    /// <summary>取消: the person (or staff in scope) cancels; a place given back goes to the first on the waitlist, who is told.</summary>
    public async Task<(SignupDto? Value, IReadOnlyList<Error> Errors)> CancelAsync(Guid userId, Guid signupId, CancellationToken ct)
    {
        var (signup, c, error) = await OwnSignupAsync(userId, signupId, staffMayAct: true, ct);
        if (error is not null)
        {
            return (null, [error]);
        }

        var now = time.GetUtcNow();
        if (ConfirmationRules.BeforeStart(c!.Shift.Start, now) is { } started)
        {
            return (null, [started]);
        }

        var move = SignupMoves.Move(signup!.Status, SignupAction.Cancel);
        if (move.Error is { } invalid)
        {
            return (null, [invalid]);
        }

        var late = ConfirmationRules.IsLateCancellation(signup.Status, now, c.Shift.Start, Policy(c));
        var frees = SignupMoves.FreesPlace(signup.Status, SignupAction.Cancel);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Signups.Where(s => s.Id == signupId && s.Status == signup.Status)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SignupStatus.Cancelled).SetProperty(s => s.CancelledAt, now)
                .SetProperty(s => s.LateCancellation, late).SetProperty(s => s.UpdatedAt, now), ct);
        if (changed == 0)
        {
            // Someone else moved it first (a second tap, the coordinator): nothing changed here.
            return (null, [SignupErrors.AlreadyCancelled]);
        }

        var wasConfirmed = signup.Status == SignupStatus.Confirmed ? 1 : 0;
        var wasWaiting = signup.Status is SignupStatus.Waitlisted or SignupStatus.Standby ? 1 : 0;
        await db.Shifts.Where(s => s.Id == signup.ShiftId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Assigned, s => s.Assigned - (frees ? 1 : 0))
            .SetProperty(s => s.Confirmed, s => s.Confirmed - wasConfirmed)
            .SetProperty(s => s.Waitlisted, s => s.Waitlisted - wasWaiting), ct);
        var told = await substitutes.CloseOpenAsync(c, signupId, origin: null, ct);
        var promoted = frees ? await PromoteAsync(c, now, ct) : null;
        if (promoted is not null)
        {
            await notices.PromotedAsync(c, promoted, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await live.PublishedAsync(c.Organisation.Id, told + (promoted is null ? 0 : 1));
        return (Dto(signup) with { Status = SignupStatus.Cancelled, LateCancellation = late }, []);
    }

    /// <summary>The first on the waitlist takes the freed place, if a place is free (a conditional update decides).</summary>
    private async Task<Signup?> PromoteAsync(ShiftContext c, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.Signups.AsNoTracking()
            .Where(s => s.ShiftId == c.Shift.Id && (s.Status == SignupStatus.Waitlisted || s.Status == SignupStatus.Standby))
            .Select(s => new { s.Id, s.Status, s.CreatedAt }).ToListAsync(ct);
        foreach (var id in WaitlistRules.Order(waiting.Select(w => (w.Id, w.Status, w.CreatedAt))))
        {
            var from = waiting.First(w => w.Id == id).Status;
            if (await db.Shifts.Where(s => s.Id == c.Shift.Id && s.Assigned < s.Maximum)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, s => s.Assigned + 1).SetProperty(s => s.Waitlisted, s => s.Waitlisted - 1), ct) == 0)
            {
                return null;
            }

            var confirmBy = ConfirmationRules.ConfirmBy(now, c.Shift.Start, Policy(c));
            if (await db.Signups.Where(s => s.Id == id && s.Status == from).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SignupStatus.Assigned).SetProperty(s => s.AssignedAt, now)
                    .SetProperty(s => s.ConfirmBy, confirmBy).SetProperty(s => s.UpdatedAt, now), ct) == 1)
            {
                return await db.Signups.AsNoTracking().FirstAsync(s => s.Id == id, ct);
            }

            // That one left the list meanwhile: give the place back and try the next.
            await db.Shifts.Where(s => s.Id == c.Shift.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, s => s.Assigned - 1).SetProperty(s => s.Waitlisted, s => s.Waitlisted + 1), ct);
        }

        return null;
    }

    /// <summary>Eligibility (skills, age, deadline, start) and conflicts (overlap anywhere, rest, limits here).</summary>
    public async Task<List<Error>> RulesAsync(ShiftContext c, Membership person, bool coordinator, string? reason, CancellationToken ct, bool ignoreDeadline = false)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(person);
        var now = time.GetUtcNow();
        var zone = c.Organisation.Zone;
        // Skills and the birth date are read only when the shift asks for them (most shifts ask for neither).
        var skills = c.RequiredSkills.Count == 0 ? [] : await db.MemberSkills.AsNoTracking().Where(s => s.MembershipId == person.Id)
            .Select(s => new HeldSkill(s.Name, s.Verified, s.ExpiresOn)).ToListAsync(ct);
        var birth = c.MinimumAge is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == person.UserId).Select(u => u.BirthDate).FirstOrDefaultAsync(ct);
        var requirements = new ShiftRequirements(c.Shift.Start, c.Shift.Cancelled, c.Activity.RegistrationDeadlineMinutes, c.RequiredSkills, c.MinimumAge);
        var eligibility = Eligibility.Check(requirements, new MemberFacts(person.Status == MembershipStatus.Active, skills, birth), zone, now)
            .Where(e => !((coordinator || ignoreDeadline) && e.Code == SignupErrors.DeadlinePassed.Code)).ToList();
        if (eligibility.Count > 0)
        {
            return eligibility;
        }

        // The person's other places in any organisation, within the month around the shift (limits count by month).
        var windowStart = c.Shift.Start.AddDays(-40);
        var windowEnd = c.Shift.Start.AddDays(40);
        var others = await (
                from s in db.Signups.AsNoTracking()
                join sh in db.Shifts.AsNoTracking() on s.ShiftId equals sh.Id
                where s.UserId == person.UserId && s.ShiftId != c.Shift.Id && SignupStatuses.HoldingPlace.Contains(s.Status)
                      && !sh.Cancelled && sh.Start >= windowStart && sh.Start <= windowEnd
                select new Commitment(sh.Id, sh.Start, sh.End, sh.OrganisationId))
            .ToListAsync(ct);
        var rules = ConflictRules.For(new ConflictRules(c.Organisation.MinRestMinutes, c.Organisation.WeeklyShiftLimit, c.Organisation.MonthlyShiftLimit),
            person.WeeklyShiftLimit, person.MonthlyShiftLimit);
        var shift = new Commitment(c.Shift.Id, c.Shift.Start, c.Shift.End, c.Organisation.Id);
        var conflicts = ConflictCheck.Find(shift, others, rules, zone);
        if (ConflictCheck.Verdict(conflicts, coordinator, reason) is not { } stop)
        {
            return [];
        }

        // A person signing themselves up is told which of their own shifts is in the way; one in another organisation
        // is named by its time only, and a coordinator placing someone is never told about their other organisations.
        if (stop.Code == SignupErrors.Overlap.Code && !coordinator && ConflictCheck.FirstOverlap(shift, others) is { } clash)
        {
            var when = ShiftTimes.Format(clash.Start, clash.End, zone, System.Globalization.CultureInfo.CurrentCulture);
            if (clash.OrganisationId != c.Organisation.Id)
            {
                return [stop with { MessageKey = "Error.SignupOverlapElsewhere", Args = [when] }];
            }

            var what = await (from sh in db.Shifts.AsNoTracking()
                              join a in db.Activities.AsNoTracking() on sh.ActivityId equals a.Id
                              where sh.Id == clash.ShiftId
                              select new { a.Title, sh.Role }).FirstOrDefaultAsync(ct);
            return [stop with { MessageKey = "Error.SignupOverlapWith", Args = [what?.Title ?? "", what?.Role ?? "", when] }];
        }

        return [stop];
    }

    /// <summary>
    /// Takes a place with a conditional update (Assigned &lt; Maximum), else joins the waitlist (or says full), and writes the
    /// sign-up in the same transaction. A concurrent second press of the same person meets the unique index and gets theirs.
    /// </summary>
    private async Task<(SignupDto? Value, bool Created, IReadOnlyList<Error> Errors)> PlaceAsync(
        ShiftContext c, Membership person, string? answers, Guid? actedBy, string? reason, bool waitlistWhenFull, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var status = SignupStatus.Assigned;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var took = await db.Shifts.Where(s => s.Id == c.Shift.Id && s.Assigned < s.Maximum && !s.Cancelled)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, s => s.Assigned + 1), ct);
            if (took == 0)
            {
                if (!waitlistWhenFull)
                {
                    return (null, false, [SignupErrors.Full]);
                }

                status = SignupStatus.Waitlisted;
                await db.Shifts.Where(s => s.Id == c.Shift.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Waitlisted, s => s.Waitlisted + 1), ct);
            }

            // Read after the place is locked: a second press that waited for the first sees its sign-up, and gives the place back (no commit).
            var signup = await db.Signups.FirstOrDefaultAsync(s => s.ShiftId == c.Shift.Id && s.MembershipId == person.Id, ct);
            if (signup is not null && SignupMoves.IsActive(signup.Status))
            {
                return (Dto(signup), false, []);
            }

            if (signup is null)
            {
                signup = new Signup { Id = Ids.New(time), OrganisationId = c.Organisation.Id, ShiftId = c.Shift.Id, MembershipId = person.Id, UserId = person.UserId, CreatedAt = now };
                db.Signups.Add(signup);
            }

            signup.Status = status;
            signup.UpdatedAt = now;
            signup.AssignedAt = status == SignupStatus.Assigned ? now : null;
            signup.ConfirmBy = status == SignupStatus.Assigned ? ConfirmationRules.ConfirmBy(now, c.Shift.Start, Policy(c)) : null;
            signup.ConfirmedAt = null;
            signup.CancelledAt = null;
            signup.LateCancellation = false;
            signup.Answers = answers ?? signup.Answers;
            signup.ActedBy = actedBy;
            signup.OverrideReason = reason;
            if (actedBy is not null)
            {
                audit.Add(c.Organisation.Id, c.Me.UserId, reason is null ? AuditActions.Assigned : AuditActions.AssignedOverride,
                    person.UserId, person.Id, reason is null ? c.AuditName : $"{c.AuditName}: {reason}");
                await notices.AssignedAsync(c, signup, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await live.PublishedAsync(c.Organisation.Id, actedBy is null ? 0 : 1);
            return (Dto(signup), true, []);
        }
        catch (DbUpdateException)
        {
            // The same person pressed twice at once: the unique (shift, member) index kept one; answer with it.
            db.ChangeTracker.Clear();
            var kept = await ExistingAsync(c.Shift.Id, person.Id, ct);
            return kept is null ? (null, false, [new Error("conflict", "Error.Concurrency", ErrorKind.Conflict)]) : (Dto(kept), false, []);
        }
    }

    /// <summary>The registration form's answers: required questions answered, choices from the list, each short; JSON to store.</summary>
    private static (string? Json, IReadOnlyList<Error> Errors) Answers(ShiftContext c, Dictionary<string, string?>? answers)
    {
        var form = c.Form;
        if (form.Count == 0)
        {
            return (null, []);
        }

        var given = answers ?? [];
        var kept = new Dictionary<string, string>();
        var errors = new List<Error>();
        foreach (var q in form)
        {
            var clean = FreeText.Clean(given.GetValueOrDefault(q.Key), Limits.FormAnswer, multiline: false);
            var a = clean.Value ?? "";
            if (clean.Fault == TextFault.Empty)
            {
                if (q.Required)
                {
                    errors.Add(new Error("validation", "Error.Required", Field: $"answers.{q.Key}"));
                }

                continue;
            }

            var ok = clean.Ok && q.Kind switch
            {
                FormFieldKind.Choice => q.Choices.Contains(a),
                FormFieldKind.YesNo => a is "yes" or "no",
                FormFieldKind.Date => Dates.Parse(a) is not null,
                _ => true,
            };
            if (!ok)
            {
                errors.Add(new Error("validation", "Error.Invalid", Field: $"answers.{q.Key}"));
            }

            kept[q.Key] = a;
        }

        return errors.Count > 0 ? (null, errors) : (JsonSerializer.Serialize(kept), []);
    }

    /// <summary>A sign-up with its shift's context, when it is the caller's own or (with <paramref name="staffMayAct"/>) the caller is staff in scope; else 404 / 403.</summary>
    public async Task<(Signup? Signup, ShiftContext? Context, Error? Error)> OwnSignupAsync(Guid userId, Guid signupId, bool staffMayAct, CancellationToken ct)
    {
        var signup = await db.Signups.AsNoTracking().FirstOrDefaultAsync(s => s.Id == signupId, ct);
        var c = signup is null ? null : await ContextAsync(userId, signup.ShiftId, ct);
        if (signup is null || c is null)
        {
            return (null, null, ScheduleCommands.NotFound);
        }

        var mine = signup.UserId == userId;
        var staff = staffMayAct && ScheduleCommands.CanManage(c.Viewer, c.Shift.ProgrammeId);
        return mine || staff ? (signup, c, null) : (null, null, SignupErrors.NotYours);
    }

    private Task<Signup?> ExistingAsync(Guid shiftId, Guid membershipId, CancellationToken ct) =>
        db.Signups.AsNoTracking().FirstOrDefaultAsync(s => s.ShiftId == shiftId && s.MembershipId == membershipId, ct);

    private static ConfirmationPolicy Policy(ShiftContext c) =>
        ConfirmationPolicy.For(c.Organisation.ConfirmationHours, c.Activity.ConfirmationHours, c.Organisation.LateCancellationHours, c.Activity.LateCancellationHours);

    private static SignupDto Dto(Signup s) => new(s.Id, s.ShiftId, s.Status, s.ConfirmBy, s.LateCancellation);
}
