using Kaifong.Domain.Members;

namespace Kaifong.Domain.Tests;

public class MemberAccessTests
{
    private static readonly Guid Meals = Guid.Parse("0191e1a0-0000-7000-8000-0000000000a1");    // 長者送飯
    private static readonly Guid Tutoring = Guid.Parse("0191e1a0-0000-7000-8000-0000000000a2"); // 課後輔導
    private static readonly Guid Dinner = Guid.Parse("0191e1a0-0000-7000-8000-0000000000a3");   // 社區飯局

    private static Viewer V(MemberRoles roles, params Guid[] programmes) => new(Guid.NewGuid(), roles, programmes);

    private static readonly Viewer Admin = V(MemberRoles.Admin);
    private static readonly Viewer AdminWithProgrammes = V(MemberRoles.Admin, Meals);
    private static readonly Viewer OrgWideCoordinator = V(MemberRoles.Coordinator);
    private static readonly Viewer MealsCoordinator = V(MemberRoles.Coordinator, Meals);
    private static readonly Viewer Lead = V(MemberRoles.Lead, Meals);
    private static readonly Viewer Volunteer = V(MemberRoles.Volunteer, Meals);
    private static readonly Viewer Nobody = V(MemberRoles.None);

    public static TheoryData<string> Viewers => new() { "admin", "admin+programmes", "org-wide", "meals-coordinator", "lead", "volunteer", "none" };

    private static Viewer Named(string name) => name switch
    {
        "admin" => Admin,
        "admin+programmes" => AdminWithProgrammes,
        "org-wide" => OrgWideCoordinator,
        "meals-coordinator" => MealsCoordinator,
        "lead" => Lead,
        "volunteer" => Volunteer,
        _ => Nobody,
    };

    [Fact]
    public void Viewer_flags_follow_roles()
    {
        Assert.True(Admin.IsAdmin);
        Assert.True(Admin.IsStaff);
        Assert.False(Admin.IsCoordinator);
        Assert.True(MealsCoordinator.IsCoordinator);
        Assert.True(MealsCoordinator.IsStaff);
        Assert.False(MealsCoordinator.IsAdmin);
        Assert.False(Lead.IsStaff);
        Assert.False(Volunteer.IsStaff);
        Assert.False(Nobody.IsStaff);
    }

    [Fact]
    public void Admins_and_org_wide_coordinators_have_no_scope_limit()
    {
        Assert.Null(Admin.Scope);
        Assert.Null(AdminWithProgrammes.Scope);
        Assert.Null(OrgWideCoordinator.Scope);
        Assert.Equal([Meals], MealsCoordinator.Scope);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("admin+programmes", true)]
    [InlineData("org-wide", true)]
    [InlineData("meals-coordinator", true)]
    [InlineData("lead", false)]
    [InlineData("volunteer", false)]
    [InlineData("none", false)]
    public void Only_staff_list_members(string viewer, bool expected) =>
        Assert.Equal(expected, MemberAccess.CanListMembers(Named(viewer)));

    [Theory]
    [InlineData("admin", true)]
    [InlineData("admin+programmes", true)]
    [InlineData("org-wide", false)] // seeing everyone does not make a coordinator an admin
    [InlineData("meals-coordinator", false)]
    [InlineData("lead", false)]
    [InlineData("volunteer", false)]
    [InlineData("none", false)]
    public void Only_admins_manage_roles_the_organisation_and_the_audit_log(string viewer, bool expected)
    {
        var v = Named(viewer);
        Assert.Equal(expected, MemberAccess.CanChangeRoles(v));
        Assert.Equal(expected, MemberAccess.CanManageOrganisation(v));
        Assert.Equal(expected, MemberAccess.CanReadAudit(v));
    }

    public static TheoryData<string, Guid[], bool> ScopeCases => new()
    {
        { "admin", [], true },
        { "admin", [Tutoring], true },
        { "admin+programmes", [Tutoring], true },
        { "org-wide", [], true },
        { "org-wide", [Tutoring], true },
        { "meals-coordinator", [Meals], true },
        { "meals-coordinator", [Tutoring, Meals], true },
        { "meals-coordinator", [Tutoring], false },
        { "meals-coordinator", [Tutoring, Dinner], false },
        { "meals-coordinator", [], false },
        { "lead", [Meals], false },
        { "lead", [], false },
        { "volunteer", [Meals], false },
        { "none", [Meals], false },
    };

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public void Scope_decides_who_sees_contacts_approves_and_sets_skills(string viewer, Guid[] subjectProgrammes, bool expected)
    {
        var v = Named(viewer);
        Assert.Equal(expected, MemberAccess.InScope(v, subjectProgrammes));
        Assert.Equal(expected, MemberAccess.CanSeeContact(v, subjectProgrammes));
        Assert.Equal(expected, MemberAccess.CanApprove(v, subjectProgrammes));
        Assert.Equal(expected, MemberAccess.CanSetSkills(v, subjectProgrammes));
    }

    /// <summary>Every non-empty combination of the four roles.</summary>
    public static IEnumerable<MemberRoles> AllRoleCombinations => Enumerable.Range(1, 15).Select(i => (MemberRoles)i);

    private static bool InvitesStaff(MemberRoles role) => (role & (MemberRoles.Admin | MemberRoles.Coordinator)) != 0;

    public static TheoryData<string, MemberRoles, Guid[], bool> InviteCases
    {
        get
        {
            var data = new TheoryData<string, MemberRoles, Guid[], bool>();
            Guid[][] programmeSets = [[], [Meals], [Tutoring], [Meals, Tutoring]];
            foreach (var role in AllRoleCombinations)
            {
                foreach (var programmes in programmeSets)
                {
                    data.Add("admin", role, programmes, true);
                    data.Add("admin+programmes", role, programmes, true);
                    data.Add("org-wide", role, programmes, !InvitesStaff(role));
                    data.Add("meals-coordinator", role, programmes, !InvitesStaff(role) && programmes is [var only] && only == Meals);
                    data.Add("lead", role, programmes, false);
                    data.Add("volunteer", role, programmes, false);
                    data.Add("none", role, programmes, false);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(InviteCases))]
    public void Who_may_invite_whom(string viewer, MemberRoles role, Guid[] programmes, bool expected) =>
        Assert.Equal(expected, MemberAccess.CanInvite(Named(viewer), role, programmes));

    [Fact]
    public void Invite_cases_cover_every_role_combination() =>
        Assert.Equal(15 * 4 * 7, InviteCases.Count());

    [Fact]
    public void A_coordinator_of_two_programmes_may_invite_into_either_or_both()
    {
        var v = V(MemberRoles.Coordinator, Meals, Tutoring);
        Assert.True(MemberAccess.CanInvite(v, MemberRoles.Volunteer, [Meals]));
        Assert.True(MemberAccess.CanInvite(v, MemberRoles.Lead, [Meals, Tutoring]));
        Assert.False(MemberAccess.CanInvite(v, MemberRoles.Volunteer, [Meals, Dinner]));
        Assert.False(MemberAccess.CanInvite(v, MemberRoles.Coordinator, [Meals]));
    }

    [Fact]
    public void A_lead_who_is_also_a_scoped_coordinator_acts_as_the_coordinator()
    {
        var v = V(MemberRoles.Lead | MemberRoles.Coordinator, Meals);
        Assert.True(MemberAccess.CanInvite(v, MemberRoles.Lead, [Meals]));
        Assert.False(MemberAccess.CanInvite(v, MemberRoles.Lead, [Tutoring]));
        Assert.True(MemberAccess.InScope(v, [Meals]));
        Assert.False(MemberAccess.InScope(v, [Tutoring]));
    }

    [Fact]
    public void Viewer_of_a_membership_takes_its_roles_and_programmes()
    {
        var m = Membership.Join(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), MemberRoles.Coordinator, false, null, DateTimeOffset.UnixEpoch);
        m.Programmes.Add(new MembershipProgramme { MembershipId = m.Id, ProgrammeId = Meals });
        m.Programmes.Add(new MembershipProgramme { MembershipId = m.Id, ProgrammeId = Tutoring });

        var v = Viewer.Of(m);

        Assert.Equal(m.Id, v.MembershipId);
        Assert.Equal(MemberRoles.Coordinator, v.Roles);
        Assert.Equal([Meals, Tutoring], v.ProgrammeIds);
        Assert.False(MemberAccess.InScope(v, [Dinner]));
        Assert.True(MemberAccess.InScope(v, [Tutoring]));
    }

    [Fact]
    public void Viewer_of_a_coordinator_without_programmes_sees_the_whole_organisation()
    {
        var m = Membership.Join(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), MemberRoles.Coordinator, false, null, DateTimeOffset.UnixEpoch);
        var v = Viewer.Of(m);
        Assert.Null(v.Scope);
        Assert.True(MemberAccess.InScope(v, [Dinner]));
    }
}
