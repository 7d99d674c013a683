using Kaifong.Domain.Common;
using Kaifong.Domain.Members;

namespace Kaifong.Domain.Tests;

public class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static Invitation Make(int? maxUses = null, int uses = 0, DateTimeOffset? revokedAt = null, DateTimeOffset? expiresAt = null) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = Guid.NewGuid(),
        Token = "tok",
        Role = MemberRoles.Volunteer,
        ExpiresAt = expiresAt ?? Now.AddDays(14),
        MaxUses = maxUses,
        Uses = uses,
        CreatedAt = Now,
        RevokedAt = revokedAt,
    };

    [Fact]
    public void A_fresh_invitation_is_usable() => Assert.Null(Make().WhyUnusable(Now));

    [Fact]
    public void New_invitations_require_approval_by_default() => Assert.True(Make().RequiresApproval);

    [Fact]
    public void A_revoked_invitation_is_unusable() =>
        Assert.Equal(InvitationErrors.Revoked, Make(revokedAt: Now.AddMinutes(-1)).WhyUnusable(Now));

    [Fact]
    public void Revocation_is_reported_before_expiry_and_use()
    {
        var inv = Make(maxUses: 1, uses: 1, revokedAt: Now.AddDays(-2), expiresAt: Now.AddDays(-1));
        Assert.Equal(InvitationErrors.Revoked, inv.WhyUnusable(Now));
    }

    [Fact]
    public void Expiry_is_reported_before_use()
    {
        var inv = Make(maxUses: 1, uses: 1, expiresAt: Now.AddDays(-1));
        Assert.Equal(InvitationErrors.Expired, inv.WhyUnusable(Now));
    }

    [Fact]
    public void Expired_invitation_cannot_be_used_from_the_exact_expiry_instant()
    {
        var inv = Make(expiresAt: Now);
        Assert.Null(inv.WhyUnusable(Now.AddTicks(-1)));
        Assert.Equal(InvitationErrors.Expired, inv.WhyUnusable(Now));
        Assert.Equal(InvitationErrors.Expired, inv.WhyUnusable(Now.AddTicks(1)));
    }

    [Fact]
    public void Expiry_compares_instants_not_local_clock_readings()
    {
        var inv = Make(expiresAt: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8))); // = 01:00 UTC
        Assert.Equal(InvitationErrors.Expired, inv.WhyUnusable(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)));
        Assert.Null(inv.WhyUnusable(new DateTimeOffset(2026, 3, 2, 8, 59, 0, TimeSpan.FromHours(8))));
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(1, 1, true)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(5, 6, true)]
    public void An_invitation_is_used_up_when_uses_reach_the_maximum(int maxUses, int uses, bool usedUp) =>
        Assert.Equal(usedUp ? InvitationErrors.UsedUp : null, Make(maxUses, uses).WhyUnusable(Now));

    [Fact]
    public void Without_a_maximum_an_invitation_never_runs_out() =>
        Assert.Null(Make(maxUses: null, uses: 100_000).WhyUnusable(Now));

    [Fact]
    public void Unusable_reasons_are_gone_errors()
    {
        Assert.Equal(ErrorKind.Gone, InvitationErrors.Revoked.Kind);
        Assert.Equal(ErrorKind.Gone, InvitationErrors.Expired.Kind);
        Assert.Equal(ErrorKind.Gone, InvitationErrors.UsedUp.Kind);
    }
}

public class InvitationValidateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Defaults_are_volunteer_approval_fourteen_days_unlimited()
    {
        var (value, errors) = InvitationErrors.Validate(null, null, null, null, null, Now);
        Assert.Empty(errors);
        Assert.NotNull(value);
        Assert.Equal(MemberRoles.Volunteer, value.Role);
        Assert.Empty(value.ProgrammeIds);
        Assert.True(value.RequiresApproval);
        Assert.Equal(Now + Invitation.DefaultLifetime, value.ExpiresAt);
        Assert.Equal(Now.AddDays(14), value.ExpiresAt);
        Assert.Null(value.MaxUses);
    }

    [Fact]
    public void Explicit_values_are_kept_and_programmes_deduplicated()
    {
        var p1 = Guid.NewGuid();
        var p2 = Guid.NewGuid();
        var (value, errors) = InvitationErrors.Validate("lead", [p1, p2, p1], false, Now.AddDays(30), 20, Now);
        Assert.Empty(errors);
        Assert.NotNull(value);
        Assert.Equal(MemberRoles.Lead, value.Role);
        Assert.Equal([p1, p2], value.ProgrammeIds);
        Assert.False(value.RequiresApproval);
        Assert.Equal(Now.AddDays(30), value.ExpiresAt);
        Assert.Equal(20, value.MaxUses);
    }

    [Fact]
    public void Expiry_is_stored_in_utc()
    {
        var local = new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.FromHours(8));
        var (value, _) = InvitationErrors.Validate(null, null, null, local, null, Now);
        Assert.Equal(TimeSpan.Zero, value!.ExpiresAt.Offset);
        Assert.Equal(local, value.ExpiresAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-14 * 24 * 60)]
    public void Expiry_now_or_in_the_past_is_refused(int minutes)
    {
        var (value, errors) = InvitationErrors.Validate(null, null, null, Now.AddMinutes(minutes), null, Now);
        Assert.Null(value);
        Assert.Equal([InvitationErrors.ExpiryInPast], errors);
    }

    [Fact]
    public void Expiry_of_exactly_the_maximum_lifetime_is_allowed() =>
        Assert.Empty(InvitationErrors.Validate(null, null, null, Now + Invitation.MaxLifetime, null, Now).Errors);

    [Fact]
    public void Expiry_beyond_the_maximum_lifetime_is_too_far()
    {
        var (value, errors) = InvitationErrors.Validate(null, null, null, Now + Invitation.MaxLifetime + TimeSpan.FromSeconds(1), null, Now);
        Assert.Null(value);
        Assert.Equal([InvitationErrors.ExpiryTooFar], errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(Invitation.MaxMaxUses)]
    public void Max_uses_within_bounds_are_allowed(int maxUses) =>
        Assert.Equal(maxUses, InvitationErrors.Validate(null, null, null, null, maxUses, Now).Value!.MaxUses);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(Invitation.MaxMaxUses + 1)]
    [InlineData(int.MaxValue)]
    public void Max_uses_out_of_bounds_are_refused(int maxUses) =>
        Assert.Equal([InvitationErrors.MaxUsesInvalid], InvitationErrors.Validate(null, null, null, null, maxUses, Now).Errors);

    [Theory]
    [InlineData("Admin", MemberRoles.Admin)]
    [InlineData("coordinator", MemberRoles.Coordinator)]
    [InlineData(" Lead ", MemberRoles.Lead)]
    [InlineData("VOLUNTEER", MemberRoles.Volunteer)]
    public void Each_role_name_is_accepted(string role, MemberRoles expected) =>
        Assert.Equal(expected, InvitationErrors.Validate(role, null, null, null, null, Now).Value!.Role);

    [Theory]
    [InlineData("Owner")]
    [InlineData("None")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Admin,Volunteer")]
    [InlineData("1")]
    public void Unknown_roles_are_refused(string role)
    {
        var (value, errors) = InvitationErrors.Validate(role, null, null, null, null, Now);
        Assert.Null(value);
        Assert.Equal([InvitationErrors.RoleInvalid], errors);
        Assert.Equal("role", errors[0].Field);
    }

    [Fact]
    public void All_errors_are_reported_together()
    {
        var (value, errors) = InvitationErrors.Validate("Owner", null, null, Now.AddDays(-1), 0, Now);
        Assert.Null(value);
        Assert.Equal([InvitationErrors.RoleInvalid, InvitationErrors.ExpiryInPast, InvitationErrors.MaxUsesInvalid], errors);
    }
}
