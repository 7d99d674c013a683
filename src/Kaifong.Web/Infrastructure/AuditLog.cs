using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;

namespace Kaifong.Web.Infrastructure;

/// <summary>Adds audit entries to the unit of work, so they are saved with the change (or the look) they record.</summary>
public sealed class AuditLog(KaifongDb db, TimeProvider time)
{
    public void Add(Guid organisationId, Guid actorUserId, string action, Guid? subjectUserId = null, Guid? subjectMembershipId = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Ids.New(time),
            OrganisationId = organisationId,
            ActorUserId = actorUserId,
            Action = action,
            SubjectUserId = subjectUserId,
            SubjectMembershipId = subjectMembershipId,
            Detail = detail is { Length: > Limits.AuditDetail } ? detail[..Limits.AuditDetail] : detail,
            At = time.GetUtcNow(),
        });
}
