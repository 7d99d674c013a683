using Kaifong.Domain.Members;

namespace Kaifong.Web.Features.Members;

/// <summary>
/// <see cref="MemberAccess.InScope"/> as a query: the memberships a viewer may see. Every list of members a staff
/// member is shown (the member list, "who can fill this", assignment) filters through here, so they cannot differ.
/// </summary>
public static class MemberScope
{
    public static IQueryable<Membership> VisibleTo(this IQueryable<Membership> memberships, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsStaff)
        {
            return memberships.Where(_ => false);
        }

        return viewer.Scope is { } scope ? memberships.Where(m => m.Programmes.Any(p => scope.Contains(p.ProgrammeId))) : memberships;
    }
}
