using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Features.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

public sealed record ParticipantDto(Guid SignupId, Guid MembershipId, string DisplayName, SignupStatus Status, string? Email = null, string? Phone = null);

/// <summary>
/// 參加者名單. In privacy mode (隱私模式) only the activity's lead and coordinators in scope see it; otherwise members see names
/// and states. Contact details are for the lead and coordinators in scope only, and every such look is audited.
/// </summary>
public sealed class ParticipantQueries(KaifongDb db, SignupCommands signups, AuditLog audit)
{
    public async Task<(IReadOnlyList<ParticipantDto>? List, Error? Error)> ListAsync(Guid userId, Guid shiftId, CancellationToken ct) =>
        await signups.ContextAsync(userId, shiftId, ct) is { } c ? await ListAsync(c, ct) : (null, ScheduleCommands.NotFound);

    /// <summary>The same for a caller whose context the page has already loaded.</summary>
    public async Task<(IReadOnlyList<ParticipantDto>? List, Error? Error)> ListAsync(SignupCommands.ShiftContext c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var shiftId = c.Shift.Id;
        var userId = c.Me.UserId;

        var inCharge = c.Activity.LeadMembershipId == c.Me.Id || ScheduleCommands.CanManage(c.Viewer, c.Shift.ProgrammeId);
        if (c.Activity.PrivacyMode && !inCharge)
        {
            return (null, ScheduleCommands.Forbidden);
        }

        var rows = await (
                from s in db.Signups.AsNoTracking()
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where s.ShiftId == shiftId && SignupStatuses.OnMyList.Contains(s.Status)
                orderby s.CreatedAt
                select new { s.Id, s.MembershipId, s.UserId, u.DisplayName, s.Status, u.Email, u.PhoneNumber })
            .ToListAsync(ct);
        if (inCharge && rows.Count > 0)
        {
            audit.Add(c.Organisation.Id, userId, AuditActions.ParticipantsViewed, detail: $"{c.AuditName} ({rows.Count})");
            await db.SaveChangesAsync(ct);
        }

        return (rows.Select(r => inCharge
            ? new ParticipantDto(r.Id, r.MembershipId, r.DisplayName, r.Status, r.Email, r.PhoneNumber)
            : new ParticipantDto(r.Id, r.MembershipId, r.DisplayName, r.Status)).ToArray(), null);
    }
}
