using Kaifong.Domain.Common;

namespace Kaifong.Domain.Audit;

/// <summary>Who did what to whose data, when. Written for staff access to personal data and for role and membership decisions.</summary>
public sealed class AuditEntry : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid ActorUserId { get; init; }
    public required string Action { get; init; }
    public Guid? SubjectUserId { get; init; }
    public Guid? SubjectMembershipId { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>The stable action names in the audit log.</summary>
public static class AuditActions
{
    public const string ContactViewed = "member.contact_viewed";
    public const string RolesChanged = "member.roles_changed";
    public const string Approved = "member.approved";
    public const string Rejected = "member.rejected";
    public const string SkillsChanged = "member.skills_changed";
    public const string InvitationCreated = "invitation.created";
    public const string InvitationRevoked = "invitation.revoked";
    public const string SettingsChanged = "organisation.settings_changed";
    public const string PicsChanged = "organisation.pics_changed";
    public const string Assigned = "signup.assigned";
    public const string AssignedOverride = "signup.assigned_override";
    public const string ParticipantsViewed = "shift.participants_viewed";
    public const string SignedOutEverywhere = "member.signed_out_everywhere";

    public static readonly IReadOnlyList<string> All =
        [ContactViewed, RolesChanged, Approved, Rejected, SkillsChanged, InvitationCreated, InvitationRevoked, SettingsChanged, PicsChanged,
         Assigned, AssignedOverride, ParticipantsViewed, SignedOutEverywhere];
}
