namespace Kaifong.Domain.Members;

/// <summary>A member's roles in one organisation. A person may hold several.</summary>
[Flags]
public enum MemberRoles
{
    None = 0,
    Volunteer = 1,
    Lead = 2,
    Coordinator = 4,
    Admin = 8,
}

public enum MembershipStatus
{
    Pending = 0,
    Active = 1,
    Rejected = 2,
    Removed = 3,
}

public static class MemberRoleNames
{
    public static readonly IReadOnlyList<MemberRoles> Each = [MemberRoles.Admin, MemberRoles.Coordinator, MemberRoles.Lead, MemberRoles.Volunteer];

    public static IReadOnlyList<string> ToNames(this MemberRoles roles) =>
        Each.Where(r => roles.HasFlag(r)).Select(r => r.ToString()).ToArray();

    /// <summary>Parses the API's role names (Admin, Coordinator, Lead, Volunteer); false on any unknown name.</summary>
    public static bool TryParse(IEnumerable<string?>? names, out MemberRoles roles)
    {
        roles = MemberRoles.None;
        foreach (var name in names ?? [])
        {
            var role = Each.FirstOrDefault(r => string.Equals(r.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (role == MemberRoles.None)
            {
                return false;
            }

            roles |= role;
        }

        return true;
    }

    public static bool TryParseOne(string? name, out MemberRoles role)
    {
        var ok = TryParse([name], out role);
        return ok && role != MemberRoles.None;
    }
}
