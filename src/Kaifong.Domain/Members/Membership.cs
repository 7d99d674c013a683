using Kaifong.Domain.Common;

namespace Kaifong.Domain.Members;

/// <summary>成員資格: a person's roles in one organisation, with programme scope and a status.</summary>
public sealed class Membership : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid UserId { get; init; }
    public MemberRoles Roles { get; private set; }
    public MembershipStatus Status { get; private set; }
    public Guid? InvitationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }

    /// <summary>When the person became an admin here; admins must set up two-factor sign-in within the grace period.</summary>
    public DateTimeOffset? AdminSince { get; private set; }

    /// <summary>The programmes this member belongs to (volunteers) or manages (coordinators). Empty for a coordinator means all.</summary>
    public List<MembershipProgramme> Programmes { get; init; } = [];

    /// <summary>This person's own limits on shifts here, over the organisation's (null = the organisation's).</summary>
    public int? WeeklyShiftLimit { get; set; }
    public int? MonthlyShiftLimit { get; set; }

    public static Membership Join(Guid id, Guid organisationId, Guid userId, MemberRoles roles, bool needsApproval, Guid? invitationId, DateTimeOffset now)
    {
        var m = new Membership
        {
            Id = id,
            OrganisationId = organisationId,
            UserId = userId,
            InvitationId = invitationId,
            CreatedAt = now,
        };
        m.SetRoles(roles, now);
        m.Status = needsApproval ? MembershipStatus.Pending : MembershipStatus.Active;
        if (!needsApproval)
        {
            m.DecidedAt = now;
        }

        return m;
    }

    public bool IsActive => Status == MembershipStatus.Active;
    public bool Has(MemberRoles role) => IsActive && (Roles & role) != 0;
    public bool IsAdmin => Has(MemberRoles.Admin);
    public bool IsStaff => Has(MemberRoles.Admin | MemberRoles.Coordinator);

    public Error? Approve(Guid by, DateTimeOffset now) => Decide(MembershipStatus.Active, by, now);

    public Error? Reject(Guid by, DateTimeOffset now) => Decide(MembershipStatus.Rejected, by, now);

    private Error? Decide(MembershipStatus to, Guid by, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            return MembershipErrors.NotPending;
        }

        Status = to;
        DecidedAt = now;
        DecidedBy = by;
        return null;
    }

    public void SetRoles(MemberRoles roles, DateTimeOffset now)
    {
        if (roles.HasFlag(MemberRoles.Admin) && !Roles.HasFlag(MemberRoles.Admin))
        {
            AdminSince = now;
        }
        else if (!roles.HasFlag(MemberRoles.Admin))
        {
            AdminSince = null;
        }

        Roles = roles;
    }

    /// <summary>Admins without two-factor sign-in may act only within the grace period after becoming admin.</summary>
    public bool AdminNeedsTwoFactor(bool twoFactorEnabled, DateTimeOffset now, TimeSpan grace) =>
        IsAdmin && !twoFactorEnabled && AdminSince is { } since && now - since > grace;
}

public sealed class MembershipProgramme
{
    public Guid MembershipId { get; init; }
    public Guid ProgrammeId { get; init; }
}

public static class MembershipErrors
{
    public static readonly Error NotPending = new("membership.not_pending", "Error.NotPending", ErrorKind.Conflict);
    public static readonly Error AlreadyMember = new("membership.exists", "Error.AlreadyMember", ErrorKind.Conflict);
    public static readonly Error RolesRequired = new("validation", "Error.RolesRequired", Field: "roles");
    public static readonly Error UnknownRole = new("validation", "Error.UnknownRole", Field: "roles");
    public static readonly Error LastAdmin = new("membership.last_admin", "Error.LastAdmin", ErrorKind.Conflict, "roles");
    public static readonly Error TwoFactorRequired = new("auth.two_factor_required", "Error.TwoFactorRequired", ErrorKind.Forbidden);
}
