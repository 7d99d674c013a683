using Kaifong.Domain.People;

namespace Kaifong.Domain.Signups;

/// <summary>What the "who can fill this" list knows of one member, gathered for one shift.</summary>
/// <param name="Available">From their 可服務時段: true covers the shift, false says not then, null never filled in.</param>
/// <param name="RecentShifts">Places they held here in the 30 days before the shift: the recent load.</param>
public sealed record FillCandidate(
    Guid MembershipId, string DisplayName, District? District, bool? Available, int RecentShifts,
    IReadOnlyList<Common.Error> Ineligible, IReadOnlyList<Conflict> Conflicts);

/// <summary>
/// 邊個可以填: ranks the members a coordinator may put on a shift. Out: anyone not eligible (a missing or expired skill, too
/// young, not active; the registration deadline does not bind a coordinator), anyone with a clash that cannot be overridden
/// (already on a shift then), and anyone who said they are not available then. The rest, best first:
/// no conflict before an overridable one (a limit or rest: the coordinator may still assign with a reason); said available
/// before unknown; in the shift's district before elsewhere; fewer recent shifts before more (spread the load); then by name.
/// </summary>
public static class FillCandidates
{
    public static IReadOnlyList<FillCandidate> Rank(IEnumerable<FillCandidate> members, District? shiftDistrict, int take = 50)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members
            .Where(m => m.Ineligible.All(e => e.Code == SignupErrors.DeadlinePassed.Code))
            .Where(m => m.Conflicts.All(c => c.Overridable))
            .Where(m => m.Available != false)
            .OrderBy(m => m.Conflicts.Count > 0)
            .ThenBy(m => m.Available != true)
            .ThenBy(m => shiftDistrict is null || m.District != shiftDistrict)
            .ThenBy(m => m.RecentShifts)
            .ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .ThenBy(m => m.MembershipId)
            .Take(Math.Max(0, take))
            .ToArray();
    }
}
