using Kaifong.Domain.Members;

namespace Kaifong.Domain.Tests;

public class MembershipTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Org = Guid.Parse("0191e1a0-0000-7000-8000-000000000001");
    private static readonly Guid User = Guid.Parse("0191e1a0-0000-7000-8000-000000000002");
    private static readonly Guid Staff = Guid.Parse("0191e1a0-0000-7000-8000-000000000003");
    private static readonly Guid Invite = Guid.Parse("0191e1a0-0000-7000-8000-000000000004");
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    private static Membership Join(MemberRoles roles = MemberRoles.Volunteer, bool needsApproval = true) =>
        Membership.Join(Guid.NewGuid(), Org, User, roles, needsApproval, Invite, T0);

    [Fact]
    public void Joining_with_approval_starts_pending_and_undecided()
    {
        var m = Join();
        Assert.Equal(MembershipStatus.Pending, m.Status);
        Assert.False(m.IsActive);
        Assert.Null(m.DecidedAt);
        Assert.Null(m.DecidedBy);
        Assert.Equal(Org, m.OrganisationId);
        Assert.Equal(User, m.UserId);
        Assert.Equal(Invite, m.InvitationId);
        Assert.Equal(T0, m.CreatedAt);
        Assert.Equal(MemberRoles.Volunteer, m.Roles);
        Assert.Empty(m.Programmes);
    }

    [Fact]
    public void Joining_without_approval_is_active_at_once()
    {
        var m = Join(needsApproval: false);
        Assert.Equal(MembershipStatus.Active, m.Status);
        Assert.True(m.IsActive);
        Assert.Equal(T0, m.DecidedAt);
        Assert.Null(m.DecidedBy);
    }

    [Fact]
    public void Pending_to_active_on_approval()
    {
        var m = Join();
        var at = T0.AddHours(3);
        Assert.Null(m.Approve(Staff, at));
        Assert.Equal(MembershipStatus.Active, m.Status);
        Assert.Equal(at, m.DecidedAt);
        Assert.Equal(Staff, m.DecidedBy);
    }

    [Fact]
    public void Pending_to_rejected_on_rejection()
    {
        var m = Join();
        var at = T0.AddHours(3);
        Assert.Null(m.Reject(Staff, at));
        Assert.Equal(MembershipStatus.Rejected, m.Status);
        Assert.False(m.IsActive);
        Assert.Equal(at, m.DecidedAt);
        Assert.Equal(Staff, m.DecidedBy);
    }

    public static TheoryData<bool, bool> SecondDecisions => new()
    {
        { true, true },   // approve, then approve
        { true, false },  // approve, then reject
        { false, true },  // reject, then approve
        { false, false }, // reject, then reject
    };

    [Theory]
    [MemberData(nameof(SecondDecisions))]
    public void A_decided_membership_cannot_be_decided_again(bool firstApprove, bool secondApprove)
    {
        var m = Join();
        var first = T0.AddHours(1);
        _ = firstApprove ? m.Approve(Staff, first) : m.Reject(Staff, first);
        var status = m.Status;

        var other = Guid.NewGuid();
        var error = secondApprove ? m.Approve(other, T0.AddHours(2)) : m.Reject(other, T0.AddHours(2));

        Assert.Equal(MembershipErrors.NotPending, error);
        Assert.Equal(status, m.Status);
        Assert.Equal(first, m.DecidedAt);
        Assert.Equal(Staff, m.DecidedBy);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_member_who_joined_without_approval_is_not_pending(bool approve)
    {
        var m = Join(needsApproval: false);
        var error = approve ? m.Approve(Staff, T0.AddHours(1)) : m.Reject(Staff, T0.AddHours(1));
        Assert.Equal(MembershipErrors.NotPending, error);
        Assert.Equal(MembershipStatus.Active, m.Status);
        Assert.Null(m.DecidedBy);
    }

    [Fact]
    public void Not_pending_is_a_conflict() =>
        Assert.Equal(Common.ErrorKind.Conflict, MembershipErrors.NotPending.Kind);

    [Theory]
    [InlineData(MemberRoles.Volunteer, false, false)]
    [InlineData(MemberRoles.Lead, false, false)]
    [InlineData(MemberRoles.Coordinator, true, false)]
    [InlineData(MemberRoles.Admin, true, true)]
    [InlineData(MemberRoles.Volunteer | MemberRoles.Coordinator, true, false)]
    [InlineData(MemberRoles.Admin | MemberRoles.Volunteer, true, true)]
    public void Staff_and_admin_follow_the_roles_of_an_active_member(MemberRoles roles, bool staff, bool admin)
    {
        var m = Join(roles, needsApproval: false);
        Assert.Equal(staff, m.IsStaff);
        Assert.Equal(admin, m.IsAdmin);
        Assert.True(m.Has(roles));
    }

    [Theory]
    [InlineData(MemberRoles.Admin)]
    [InlineData(MemberRoles.Coordinator)]
    [InlineData(MemberRoles.Volunteer)]
    public void A_pending_member_has_no_role_powers(MemberRoles roles)
    {
        var m = Join(roles);
        Assert.False(m.Has(roles));
        Assert.False(m.IsStaff);
        Assert.False(m.IsAdmin);
    }

    [Fact]
    public void A_rejected_admin_has_no_powers()
    {
        var m = Join(MemberRoles.Admin);
        m.Reject(Staff, T0);
        Assert.False(m.IsAdmin);
        Assert.False(m.IsStaff);
    }

    [Fact]
    public void Has_is_false_for_a_role_not_held()
    {
        var m = Join(MemberRoles.Volunteer, needsApproval: false);
        Assert.False(m.Has(MemberRoles.Lead));
        Assert.False(m.Has(MemberRoles.Admin | MemberRoles.Coordinator));
    }

    [Fact]
    public void Joining_as_admin_sets_admin_since()
    {
        var m = Join(MemberRoles.Admin, needsApproval: false);
        Assert.Equal(T0, m.AdminSince);
    }

    [Fact]
    public void Joining_as_a_volunteer_leaves_admin_since_empty() =>
        Assert.Null(Join(MemberRoles.Volunteer, needsApproval: false).AdminSince);

    [Fact]
    public void Becoming_admin_sets_admin_since_and_staying_admin_keeps_it()
    {
        var m = Join(MemberRoles.Volunteer, needsApproval: false);
        var promoted = T0.AddDays(10);
        m.SetRoles(MemberRoles.Volunteer | MemberRoles.Admin, promoted);
        Assert.Equal(promoted, m.AdminSince);
        Assert.Equal(MemberRoles.Volunteer | MemberRoles.Admin, m.Roles);

        m.SetRoles(MemberRoles.Admin | MemberRoles.Coordinator, promoted.AddDays(5));
        Assert.Equal(promoted, m.AdminSince);
        Assert.Equal(MemberRoles.Admin | MemberRoles.Coordinator, m.Roles);
    }

    [Fact]
    public void Losing_admin_clears_admin_since_and_regaining_it_restarts_the_clock()
    {
        var m = Join(MemberRoles.Admin, needsApproval: false);
        m.SetRoles(MemberRoles.Coordinator, T0.AddDays(1));
        Assert.Null(m.AdminSince);
        Assert.Equal(MemberRoles.Coordinator, m.Roles);

        var again = T0.AddDays(30);
        m.SetRoles(MemberRoles.Admin, again);
        Assert.Equal(again, m.AdminSince);
    }

    [Fact]
    public void Setting_no_roles_clears_admin_since()
    {
        var m = Join(MemberRoles.Admin, needsApproval: false);
        m.SetRoles(MemberRoles.None, T0.AddDays(1));
        Assert.Null(m.AdminSince);
        Assert.Equal(MemberRoles.None, m.Roles);
        Assert.False(m.IsStaff);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(7 * 24 * 60, false)]     // exactly at the end of the grace period: still allowed
    [InlineData(7 * 24 * 60 + 1, true)]  // one minute later: two-factor required
    [InlineData(30 * 24 * 60, true)]
    public void Admin_without_two_factor_needs_it_after_the_grace_period(int minutes, bool needs)
    {
        var m = Join(MemberRoles.Admin, needsApproval: false);
        Assert.Equal(needs, m.AdminNeedsTwoFactor(twoFactorEnabled: false, T0.AddMinutes(minutes), Grace));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    public void Admin_with_two_factor_never_needs_it(int days)
    {
        var m = Join(MemberRoles.Admin, needsApproval: false);
        Assert.False(m.AdminNeedsTwoFactor(twoFactorEnabled: true, T0.AddDays(days), Grace));
    }

    [Theory]
    [InlineData(MemberRoles.Coordinator)]
    [InlineData(MemberRoles.Volunteer)]
    [InlineData(MemberRoles.Lead)]
    public void Non_admins_never_need_two_factor(MemberRoles roles)
    {
        var m = Join(roles, needsApproval: false);
        Assert.False(m.AdminNeedsTwoFactor(twoFactorEnabled: false, T0.AddDays(365), Grace));
    }

    [Fact]
    public void A_pending_admin_does_not_need_two_factor_yet()
    {
        var m = Join(MemberRoles.Admin, needsApproval: true);
        Assert.False(m.AdminNeedsTwoFactor(twoFactorEnabled: false, T0.AddDays(365), Grace));
    }

    [Fact]
    public void The_grace_period_runs_from_promotion_not_from_joining()
    {
        var m = Join(MemberRoles.Volunteer, needsApproval: false);
        var promoted = T0.AddDays(100);
        m.SetRoles(MemberRoles.Admin, promoted);
        Assert.False(m.AdminNeedsTwoFactor(false, promoted.AddDays(7), Grace));
        Assert.True(m.AdminNeedsTwoFactor(false, promoted.AddDays(7).AddSeconds(1), Grace));
    }

    [Fact]
    public void Demotion_ends_the_two_factor_requirement()
    {
        var m = Join(MemberRoles.Admin, needsApproval: false);
        Assert.True(m.AdminNeedsTwoFactor(false, T0.AddDays(8), Grace));
        m.SetRoles(MemberRoles.Coordinator, T0.AddDays(8));
        Assert.False(m.AdminNeedsTwoFactor(false, T0.AddDays(9), Grace));
    }
}

public class MemberRoleNameTests
{
    [Theory]
    [InlineData(MemberRoles.None, new string[0])]
    [InlineData(MemberRoles.Volunteer, new[] { "Volunteer" })]
    [InlineData(MemberRoles.Admin | MemberRoles.Volunteer, new[] { "Admin", "Volunteer" })]
    [InlineData(MemberRoles.Volunteer | MemberRoles.Lead | MemberRoles.Coordinator | MemberRoles.Admin, new[] { "Admin", "Coordinator", "Lead", "Volunteer" })]
    public void Roles_are_named_in_a_fixed_order(MemberRoles roles, string[] names) =>
        Assert.Equal(names, roles.ToNames());

    [Fact]
    public void Names_parse_case_insensitively_and_combine()
    {
        Assert.True(MemberRoleNames.TryParse(["admin", " LEAD ", "Volunteer"], out var roles));
        Assert.Equal(MemberRoles.Admin | MemberRoles.Lead | MemberRoles.Volunteer, roles);
    }

    [Fact]
    public void An_empty_or_null_list_is_no_roles()
    {
        Assert.True(MemberRoleNames.TryParse([], out var roles));
        Assert.Equal(MemberRoles.None, roles);
        Assert.True(MemberRoleNames.TryParse(null, out roles));
        Assert.Equal(MemberRoles.None, roles);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("None")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("8")]
    public void Any_unknown_name_fails_the_whole_list(string? bad) =>
        Assert.False(MemberRoleNames.TryParse(["Admin", bad], out _));

    [Theory]
    [InlineData("Admin", MemberRoles.Admin)]
    [InlineData("coordinator", MemberRoles.Coordinator)]
    [InlineData("Lead", MemberRoles.Lead)]
    [InlineData("VOLUNTEER", MemberRoles.Volunteer)]
    public void One_name_parses(string name, MemberRoles expected)
    {
        Assert.True(MemberRoleNames.TryParseOne(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("None")]
    [InlineData("Admin,Lead")]
    public void One_name_refuses_nothing_or_many(string? name) =>
        Assert.False(MemberRoleNames.TryParseOne(name, out _));
}
