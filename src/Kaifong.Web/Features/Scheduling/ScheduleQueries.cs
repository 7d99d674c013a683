using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>A date range and filters for shift lists; dates are local to the organisation, both ends inclusive.</summary>
public sealed record ShiftFilter(DateOnly From, DateOnly To, Guid? ProgrammeId = null, IReadOnlyCollection<FillState>? States = null,
    District? District = null, Guid? ActivityTypeId = null, bool IncludeCancelled = false);

/// <summary>Reading the schedule: shift lists with fill state, an activity with its occurrences, a person's own and open shifts.</summary>
public sealed class ScheduleQueries(KaifongDb db, TimeProvider time)
{
    public const int DefaultDays = 31;

    /// <summary>The organisations where the person has applied and waits for approval (names, alphabetical), and whether they are active anywhere.</summary>
    public async Task<(IReadOnlyList<string> Pending, bool ActiveSomewhere)> ApplicationsAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active))
            .Join(db.Organisations.AsNoTracking(), m => m.OrganisationId, o => o.Id, (m, o) => new { m.Status, o.Name })
            .ToListAsync(ct);
        return (rows.Where(r => r.Status == MembershipStatus.Pending).Select(r => r.Name).Order(StringComparer.Ordinal).ToArray(),
            rows.Any(r => r.Status == MembershipStatus.Active));
    }

    /// <summary>Parses from/to (yyyy-MM-dd) into a range: from defaults to today, to to a month on; at most <see cref="Limits.RangeDays"/>.</summary>
    public static Result<(DateOnly From, DateOnly To)> Range(string? from, string? to, DateOnly today)
    {
        var f = today;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (Dates.Parse(from) is not { } parsed)
            {
                return new Error("validation", "Error.InvalidDate", Field: "from");
            }

            f = parsed;
        }

        DateOnly t;
        if (string.IsNullOrWhiteSpace(to))
        {
            t = f.AddDays(DefaultDays - 1);
        }
        else if (Dates.Parse(to) is { } parsedTo)
        {
            t = parsedTo;
        }
        else
        {
            return new Error("validation", "Error.InvalidDate", Field: "to");
        }

        return t < f || t.DayNumber - f.DayNumber > Limits.RangeDays ? SchedulingErrors.InvalidRange with { Args = [Limits.RangeDays] } : (f, t);
    }

    /// <summary>The organisation's shifts in a range; a coordinator sees only the programmes in their scope.</summary>
    public async Task<IReadOnlyList<ShiftDto>> ShiftsAsync(OrgContext org, ShiftFilter filter, CancellationToken ct)
    {
        var zone = org.Organisation.Zone;
        var (fromUtc, toUtc) = Instants(filter.From, filter.To, zone);
        var scope = org.Viewer.IsStaff ? org.Viewer.Scope : null;
        var rows = await ShiftRows(db.Shifts.AsNoTracking().Where(s => s.OrganisationId == org.Id && s.Start >= fromUtc && s.Start < toUtc))
            .Where(r => scope == null || scope.Contains(r.Shift.ProgrammeId))
            .Where(r => filter.ProgrammeId == null || r.Shift.ProgrammeId == filter.ProgrammeId)
            .Where(r => filter.District == null || r.Activity.District == filter.District)
            .Where(r => filter.ActivityTypeId == null || r.Activity.ActivityTypeId == filter.ActivityTypeId)
            .Where(r => filter.IncludeCancelled || !r.Shift.Cancelled)
            .Select(r => new ListRow(r.Shift.Id, r.Shift.ActivityId, r.Activity.Title, r.Shift.Role, r.Shift.Start, r.Shift.End, r.Shift.Minimum, r.Shift.Target,
                r.Shift.Maximum, r.Shift.Assigned, r.Shift.Confirmed, r.Shift.Waitlisted, r.Shift.ProgrammeId, r.Occurrence.Venue, r.Activity.Venue,
                r.Activity.District, r.Occurrence.Date, r.Shift.Cancelled, r.Occurrence.Cancelled, r.Activity.Outdoor, r.Shift.Sequence))
            .ToListAsync(ct);
        return rows
            .Select(r => r.ToDto(zone))
            .Where(s => filter.States is null || filter.States.Count == 0 || (!s.Cancelled && filter.States.Contains(s.State)))
            .OrderBy(s => s.Start).ThenBy(s => s.Title).ThenBy(s => s.Role)
            .ToArray();
    }

    /// <summary>The caller's own shifts (signed up, confirmed, waitlisted…) in every organisation where they are active.</summary>
    public async Task<IReadOnlyList<ShiftDto>> MyShiftsAsync(Guid userId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct)
    {
        var rows = await (
                from su in db.Signups.AsNoTracking()
                join m in db.Memberships.AsNoTracking() on su.MembershipId equals m.Id
                join s in db.Shifts.AsNoTracking() on su.ShiftId equals s.Id
                join a in db.Activities.AsNoTracking() on s.ActivityId equals a.Id
                join o in db.Occurrences.AsNoTracking() on s.OccurrenceId equals o.Id
                join org in db.Organisations.AsNoTracking() on s.OrganisationId equals org.Id
                where su.UserId == userId && m.Status == MembershipStatus.Active && SignupStatuses.OnMyList.Contains(su.Status)
                      && s.Start >= fromUtc && s.Start < toUtc
                select new { Shift = s, Activity = a, Occurrence = o, Org = org, su.Status, SignupId = su.Id })
            .ToListAsync(ct);
        return rows
            .Select(r => Dto(r.Shift, r.Activity, r.Occurrence, r.Org.Zone) with
            {
                Organisation = r.Org.Slug, OrganisationName = r.Org.Name, MyStatus = r.Status, MySignupId = r.SignupId,
            })
            .OrderBy(s => s.Start).ToArray();
    }

    /// <summary>
    /// Shifts the caller may sign up to: in an organisation where they are active, not cancelled, not full, registration
    /// still open, every required skill held (verified, not expired on the day), and not already theirs.
    /// </summary>
    public async Task<IReadOnlyList<ShiftDto>> OpenShiftsAsync(
        Guid userId, DateTimeOffset fromUtc, DateTimeOffset toUtc, District? district, Guid? programmeId, string? organisation, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var start = fromUtc > now ? fromUtc : now;
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Active)
            .Join(db.Organisations.AsNoTracking(), m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, Org = o })
            .Where(x => organisation == null || x.Org.Slug == organisation)
            .ToListAsync(ct);
        if (memberships.Count == 0)
        {
            return [];
        }

        var orgIds = memberships.Select(m => m.Org.Id).ToArray();
        var membershipIds = memberships.Select(m => m.Id).ToArray();
        var rows = await ShiftRows(db.Shifts.AsNoTracking().Where(s => orgIds.Contains(s.OrganisationId) && !s.Cancelled
                    && s.Start >= start && s.Start < toUtc && s.Assigned < s.Maximum
                    && !db.Signups.Any(x => x.ShiftId == s.Id && x.UserId == userId && x.Status != SignupStatus.Cancelled && x.Status != SignupStatus.Declined)))
            .Where(r => programmeId == null || r.Shift.ProgrammeId == programmeId)
            .Where(r => district == null || r.Activity.District == district)
            .Select(r => new { r.Shift, r.Activity, r.Occurrence, TypeSkills = db.ActivityTypes.Where(t => t.Id == r.Activity.ActivityTypeId).Select(t => t.RequiredSkills).FirstOrDefault() })
            .ToListAsync(ct);
        var held = (await db.MemberSkills.AsNoTracking().Where(s => membershipIds.Contains(s.MembershipId))
                .Select(s => new { s.OrganisationId, s.Name, s.Verified, s.ExpiresOn }).ToListAsync(ct))
            .ToLookup(s => s.OrganisationId, s => new HeldSkill(s.Name, s.Verified, s.ExpiresOn));
        var orgs = memberships.ToDictionary(m => m.Org.Id, m => m.Org);
        return rows
            .Where(r => Eligibility.RegistrationOpen(r.Shift.Start, r.Activity.RegistrationDeadlineMinutes, now))
            .Where(r =>
            {
                var zone = orgs[r.Shift.OrganisationId].Zone;
                var day = DateOnly.FromDateTime(ZonedTime.ToLocal(r.Shift.Start, zone));
                return Eligibility.MissingSkills(r.Shift.RequiredSkills.Concat(r.TypeSkills ?? []), held[r.Shift.OrganisationId], day).Count == 0;
            })
            .Select(r => Dto(r.Shift, r.Activity, r.Occurrence, orgs[r.Shift.OrganisationId].Zone) with
            {
                Organisation = orgs[r.Shift.OrganisationId].Slug, OrganisationName = orgs[r.Shift.OrganisationId].Name,
            })
            .OrderBy(s => s.Start).ThenBy(s => s.Title).ToArray();
    }

    /// <summary>An activity with its shift definitions and the occurrences that exist (the rolling window), with their shifts.</summary>
    public async Task<ActivityDto?> ActivityAsync(OrgContext org, Guid id, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org.Id, ct);
        if (a is null)
        {
            return null;
        }

        var zone = org.Organisation.Zone;
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => o.ActivityId == id).OrderBy(o => o.Date).ToListAsync(ct);
        var shifts = (await db.Shifts.AsNoTracking().Where(s => s.ActivityId == id).ToListAsync(ct)).ToLookup(s => s.OccurrenceId);
        var first = a.FirstLocalStart;
        return new ActivityDto(
            a.Id, a.Title, a.ProgrammeId, a.ActivityTypeId, a.Venue, a.District?.ApiName(),
            first.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), (first + a.Duration).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            a.RRule, ActivityRules.FormatDeadline(a.RegistrationDeadlineMinutes), a.PrivacyMode, a.Outdoor, a.LeadMembershipId, a.Notes,
            a.Shifts.Select(ShiftDefinitionDto.Of).ToArray(),
            occurrences.Select(o => ToDto(o, shifts[o.Id].OrderBy(s => s.Slot), a, zone)).ToArray(),
            a.MaterialisedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.LastDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a.ConfirmationHours, a.LateCancellationHours);
    }

    /// <summary>One shift of the organisation, with its activity and occurrence, or null.</summary>
    public async Task<(ShiftDto Shift, Activity Activity, Occurrence Occurrence)?> ShiftAsync(OrgContext org, Guid shiftId, CancellationToken ct)
    {
        var row = await ShiftRows(db.Shifts.AsNoTracking().Where(s => s.Id == shiftId && s.OrganisationId == org.Id)).FirstOrDefaultAsync(ct);
        return row is null ? null : (Dto(row.Shift, row.Activity, row.Occurrence, org.Organisation.Zone), row.Activity, row.Occurrence);
    }

    public OccurrenceDto ToDto(Occurrence o, IEnumerable<Shift> shifts, Activity a, TimeZoneInfo zone) =>
        new(o.Id, o.Date, At(o.Start, zone), At(o.End, zone), o.Venue ?? a.Venue, o.Moved, o.Cancelled,
            shifts.Select(s => Dto(s, a, o, zone)).ToArray());

    /// <summary>
    /// The skill names this organisation knows: its members' qualifications and declared skills, and what its activity
    /// types and templates ask for. A shift may only require a known skill (a typo would make it impossible to fill).
    /// </summary>
    public async Task<HashSet<string>> KnownSkillsAsync(Guid organisationId, CancellationToken ct)
    {
        var names = await db.MemberSkills.AsNoTracking().Where(s => s.OrganisationId == organisationId).Select(s => s.Name).Distinct().ToListAsync(ct);
        names.AddRange(await db.UserSkills.AsNoTracking()
            .Where(s => db.Memberships.Any(m => m.UserId == s.UserId && m.OrganisationId == organisationId))
            .Select(s => s.Name).Distinct().ToListAsync(ct));
        foreach (var list in await db.ActivityTypes.AsNoTracking().Where(t => t.OrganisationId == organisationId).Select(t => t.RequiredSkills).ToListAsync(ct))
        {
            names.AddRange(list);
        }

        return names.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The instants bounding local dates <paramref name="from"/> to <paramref name="to"/> (inclusive) in a zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Instants(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (ZonedTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone), ZonedTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    public static DateTimeOffset At(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    private static ShiftDto Dto(Shift s, Activity a, Occurrence o, TimeZoneInfo zone) =>
        new(s.Id, s.ActivityId, a.Title, s.Role, At(s.Start, zone), At(s.End, zone), s.Minimum, s.Target, s.Maximum,
            s.Assigned, s.Confirmed, s.Waitlisted, s.State, s.ProgrammeId, o.Venue ?? a.Venue, a.District?.ApiName(), o.Date,
            s.Cancelled || o.Cancelled, a.Outdoor, Sequence: s.Sequence);

    /// <summary>
    /// The columns a shift list shows. Whole activities would bring their notes and shift definitions (a JSON column,
    /// parsed again for every row) with each of a month's thousand shifts; this is most of the month calendar's time.
    /// </summary>
    private sealed record ListRow(Guid Id, Guid ActivityId, string Title, string Role, DateTimeOffset Start, DateTimeOffset End, int Minimum, int Target,
        int Maximum, int Assigned, int Confirmed, int Waitlisted, Guid ProgrammeId, string? OccurrenceVenue, string? ActivityVenue, District? District,
        DateOnly Date, bool ShiftCancelled, bool OccurrenceCancelled, bool Outdoor, int Sequence)
    {
        public ShiftDto ToDto(TimeZoneInfo zone) =>
            new(Id, ActivityId, Title, Role, At(Start, zone), At(End, zone), Minimum, Target, Maximum, Assigned, Confirmed, Waitlisted,
                FillStates.Of(Assigned, Minimum, Target, Maximum), ProgrammeId, OccurrenceVenue ?? ActivityVenue, District?.ApiName(), Date,
                ShiftCancelled || OccurrenceCancelled, Outdoor, Sequence: Sequence);
    }

    /// <summary>A shift with its activity and occurrence; an object initialiser (not a constructor) so EF Core can filter on it.</summary>
    private sealed class Row
    {
        public required Shift Shift { get; init; }
        public required Activity Activity { get; init; }
        public required Occurrence Occurrence { get; init; }
    }

    private IQueryable<Row> ShiftRows(IQueryable<Shift> shifts) =>
        from s in shifts
        join a in db.Activities.AsNoTracking() on s.ActivityId equals a.Id
        join o in db.Occurrences.AsNoTracking() on s.OccurrenceId equals o.Id
        select new Row { Shift = s, Activity = a, Occurrence = o };
}
