namespace Kaifong.Domain.Members;

/// <summary>
/// Who may do what to whom inside one organisation. A viewer is an active membership with the
/// programmes it manages; a coordinator with no programmes manages the whole organisation.
/// </summary>
public sealed record Viewer(Guid MembershipId, MemberRoles Roles, IReadOnlyCollection<Guid> ProgrammeIds)
{
    public bool IsAdmin => Roles.HasFlag(MemberRoles.Admin);
    public bool IsCoordinator => Roles.HasFlag(MemberRoles.Coordinator);
    public bool IsStaff => IsAdmin || IsCoordinator;

    /// <summary>Null when the viewer sees every programme; otherwise the programmes in scope.</summary>
    public IReadOnlyCollection<Guid>? Scope => IsAdmin || (IsCoordinator && ProgrammeIds.Count == 0) ? null : ProgrammeIds;

    public static Viewer Of(Membership m) => new(m.Id, m.Roles, m.Programmes.Select(p => p.ProgrammeId).ToArray());
}

public static class MemberAccess
{
    public static bool CanListMembers(Viewer v) => v.IsStaff;

    /// <summary>A member is in a coordinator's scope when they share a programme; admins and organisation-wide coordinators see everyone.</summary>
    public static bool InScope(Viewer v, IEnumerable<Guid> subjectProgrammeIds) =>
        v.IsStaff && (v.Scope is null || subjectProgrammeIds.Any(v.Scope.Contains));

    /// <summary>Contact details (e-mail, phone) are for staff in scope, and every look is audited.</summary>
    public static bool CanSeeContact(Viewer v, IEnumerable<Guid> subjectProgrammeIds) => InScope(v, subjectProgrammeIds);

    public static bool CanApprove(Viewer v, IEnumerable<Guid> subjectProgrammeIds) => InScope(v, subjectProgrammeIds);

    public static bool CanSetSkills(Viewer v, IEnumerable<Guid> subjectProgrammeIds) => InScope(v, subjectProgrammeIds);

    public static bool CanChangeRoles(Viewer v) => v.IsAdmin;

    public static bool CanManageOrganisation(Viewer v) => v.IsAdmin;

    public static bool CanReadAudit(Viewer v) => v.IsAdmin;

    /// <summary>Admins invite to any role; coordinators invite volunteers and leads into their own programmes.</summary>
    public static bool CanInvite(Viewer v, MemberRoles role, IReadOnlyCollection<Guid> programmeIds)
    {
        if (role == MemberRoles.None)
        {
            return false;
        }

        if (v.IsAdmin)
        {
            return true;
        }

        if (!v.IsCoordinator || (role & (MemberRoles.Admin | MemberRoles.Coordinator)) != 0)
        {
            return false;
        }

        return v.Scope is null || (programmeIds.Count > 0 && programmeIds.All(v.Scope.Contains));
    }
}
