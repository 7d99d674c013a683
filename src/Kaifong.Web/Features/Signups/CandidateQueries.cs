using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

/// <summary>
/// Gathers, for one shift, what the rules need about every active member of its organisation who is not on it yet:
/// skills, age, their places in any organisation around the shift, their 可服務時段 then, and their recent load here.
/// A handful of set-based queries (not one per member), then the domain's <see cref="Eligibility"/>,
/// <see cref="ConflictCheck"/> and <see cref="AvailabilityRules"/> in memory. Used by "who can fill this" and by
/// substitute requests (<see cref="SubstituteRules"/>).
/// </summary>
public sealed class CandidateQueries(KaifongDb db, TimeProvider time, Availability.AvailabilityQueries availability)
{
    /// <summary>How far back "recent load" looks.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// The candidates for a shift. With <paramref name="viewer"/> (a coordinator looking), only the members that viewer
    /// may see (<see cref="MemberScope"/>); without, everyone active (the system's own offers of substitute places).
    /// </summary>
    public async Task<IReadOnlyList<FillCandidate>> GatherAsync(SignupCommands.ShiftContext c, CancellationToken ct, Viewer? viewer = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var orgId = c.Organisation.Id;
        var shift = c.Shift;
        var zone = c.Organisation.Zone;
        var now = time.GetUtcNow();

        var onShift = (await db.Signups.AsNoTracking().Where(s => s.ShiftId == shift.Id).Select(s => new { s.MembershipId, s.Status }).ToListAsync(ct))
            .Where(s => SignupMoves.IsActive(s.Status)).Select(s => s.MembershipId).ToHashSet();
        var members = await (
                from m in viewer is null ? db.Memberships.AsNoTracking() : db.Memberships.AsNoTracking().VisibleTo(viewer)
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                where m.OrganisationId == orgId && m.Status == MembershipStatus.Active
                select new { m.Id, m.UserId, u.DisplayName, u.District, u.BirthDate, m.WeeklyShiftLimit, m.MonthlyShiftLimit })
            .ToListAsync(ct);
        members.RemoveAll(m => onShift.Contains(m.Id));
        if (members.Count == 0)
        {
            return [];
        }

        var skills = (await db.MemberSkills.AsNoTracking().Where(s => s.OrganisationId == orgId)
                .Select(s => new { s.MembershipId, Skill = new HeldSkill(s.Name, s.Verified, s.ExpiresOn) }).ToListAsync(ct))
            .ToLookup(s => s.MembershipId, s => s.Skill);

        // Everyone's places around the shift, in any organisation (overlap and rest), by the member of this organisation they belong to.
        var windowStart = shift.Start.AddDays(-40);
        var windowEnd = shift.Start.AddDays(40);
        var places = (await (
                    from s in db.Signups.AsNoTracking()
                    join sh in db.Shifts.AsNoTracking() on s.ShiftId equals sh.Id
                    join m in db.Memberships.AsNoTracking() on s.UserId equals m.UserId
                    where m.OrganisationId == orgId && m.Status == MembershipStatus.Active && SignupStatuses.HoldingPlace.Contains(s.Status)
                          && !sh.Cancelled && sh.Start >= windowStart && sh.Start <= windowEnd
                    select new { m.Id, Place = new Commitment(sh.Id, sh.Start, sh.End, sh.OrganisationId) })
                .ToListAsync(ct))
            .ToLookup(p => p.Id, p => p.Place);

        var localStart = TimeZoneInfo.ConvertTime(shift.Start, zone).DateTime;
        var localEnd = TimeZoneInfo.ConvertTime(shift.End, zone).DateTime;
        var free = await availability.ForShiftAsync(orgId, localStart, localEnd, ct);

        var requirements = new ShiftRequirements(shift.Start, shift.Cancelled, c.Activity.RegistrationDeadlineMinutes, c.RequiredSkills, c.MinimumAge);
        var target = new Commitment(shift.Id, shift.Start, shift.End, orgId);
        var orgRules = new ConflictRules(c.Organisation.MinRestMinutes, c.Organisation.WeeklyShiftLimit, c.Organisation.MonthlyShiftLimit);
        var recentFrom = shift.Start - RecentWindow;
        return members.Select(m =>
        {
            var held = places[m.Id].ToList();
            var ineligible = Eligibility.Check(requirements, new MemberFacts(true, skills[m.Id].ToList(), m.BirthDate), zone, now);
            var conflicts = ConflictCheck.Find(target, held, ConflictRules.For(orgRules, m.WeeklyShiftLimit, m.MonthlyShiftLimit), zone);
            var available = free.GetValueOrDefault(m.Id);
            var recent = held.Count(p => p.OrganisationId == orgId && p.Start >= recentFrom && p.Start < shift.Start);
            return new FillCandidate(m.Id, m.DisplayName, m.District, available, recent, ineligible, conflicts);
        }).ToArray();
    }
}
