using System.Net;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

public abstract class InvitationTests(KaifongApp app)
{
    [Fact]
    public async Task One_use_link_accepted_by_twenty_people_at_once_admits_exactly_one()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var token = await admin.InviteAsync(slug, requiresApproval: false, maxUses: 1);
        var people = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.RegisterAsync(app)));

        var answers = await Task.WhenAll(people.Select(p => p.PostAsync($"/api/v1/invitations/{token}/accept")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Gone, a.StatusCode));
        var members = await admin.GetJsonAsync($"/api/v1/organisations/{slug}/members");
        Assert.Equal(2, members.AsArray().Count); // the admin and the one who got in
        var uses = await app.WithDbAsync(db => db.Invitations.Where(i => i.Token == token).Select(i => i.Uses).SingleAsync());
        Assert.Equal(1, uses);
    }

    [Fact]
    public async Task Accepting_twice_answers_the_same_membership_and_uses_the_link_once()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var token = await admin.InviteAsync(slug, maxUses: 3);
        var volunteer = await Api.RegisterAsync(app);

        var first = await volunteer.AcceptAsync(token);
        var second = await volunteer.AcceptAsync(token);

        Assert.Equal(first, second);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.Where(i => i.Token == token).Select(i => i.Uses).SingleAsync()));
    }

    [Fact]
    public async Task Expired_used_up_and_revoked_links_are_refused_with_their_reason()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var now = app.Time.GetUtcNow();
        var expiring = await Api.Json(await admin.PostAsync($"/api/v1/organisations/{slug}/invitations", new { role = "Volunteer", expiresAt = now.AddMinutes(30) }));
        var once = await admin.InviteAsync(slug, maxUses: 1);
        var revoked = await admin.InviteAsync(slug);
        var list = await admin.GetJsonAsync($"/api/v1/organisations/{slug}/invitations");
        var revokedId = list.AsArray().Single(i => i!["token"]!.GetValue<string>() == revoked)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/organisations/{slug}/invitations/{revokedId}")).StatusCode);

        await (await Api.RegisterAsync(app)).AcceptAsync(once);
        var late = await Api.RegisterAsync(app);
        await Api.AssertProblem(await late.PostAsync($"/api/v1/invitations/{once}/accept"), HttpStatusCode.Gone, "invitation.used_up");
        await Api.AssertProblem(await late.PostAsync($"/api/v1/invitations/{revoked}/accept"), HttpStatusCode.Gone, "invitation.revoked");
        await Api.AssertProblem(await late.PostAsync("/api/v1/invitations/no-such-token/accept"), HttpStatusCode.NotFound, "not_found");

        var token = expiring["token"]!.GetValue<string>();
        var preview = await Api.Anonymous(app, "zh-HK").GetAsync($"/api/v1/invitations/{token}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("收集", (await Api.Json(preview))["pics"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invitation_validation_names_the_field()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var url = $"/api/v1/organisations/{slug}/invitations";
        var past = await Api.AssertProblem(await admin.PostAsync(url, new { role = "Volunteer", expiresAt = app.Time.GetUtcNow().AddDays(-1) }), HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(past["errors"]!["expiresAt"]);
        var role = await Api.AssertProblem(await admin.PostAsync(url, new { role = "Emperor" }), HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(role["errors"]!["role"]);
        var uses = await Api.AssertProblem(await admin.PostAsync(url, new { role = "Volunteer", maxUses = 0 }), HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(uses["errors"]!["maxUses"]);
        await Api.AssertProblem(await admin.PostAsync(url, new { role = "Volunteer", programmeIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest, "programme.unknown");
        Assert.Empty((await admin.GetJsonAsync(url)).AsArray());
    }

    [Fact]
    public async Task Scoped_coordinator_invites_volunteers_only_into_own_programmes()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var meals = await admin.CreateProgrammeAsync(slug, "長者送飯");
        var tutoring = await admin.CreateProgrammeAsync(slug, "課後輔導");
        var coordinator = await Api.RegisterAsync(app, Unique.Email("coord"));
        var membership = await coordinator.AcceptAsync(await admin.InviteAsync(slug, requiresApproval: false));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/organisations/{slug}/members/{membership}/roles", new { roles = new[] { "Coordinator" }, programmeIds = new[] { meals } })).StatusCode);

        var url = $"/api/v1/organisations/{slug}/invitations";
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(url, new { role = "Volunteer", programmeIds = new[] { meals } })).StatusCode);
        await Api.AssertProblem(await coordinator.PostAsync(url, new { role = "Volunteer", programmeIds = new[] { tutoring } }), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblem(await coordinator.PostAsync(url, new { role = "Admin", programmeIds = new[] { meals } }), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Approval_and_rejection_are_audited_and_cannot_be_repeated()
    {
        var org = await TestOrg.CreateAsync(app);
        var approve = $"/api/v1/organisations/{org.Slug}/members/{org.ApplicantMembershipId}/approve";
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PostAsync(approve)).StatusCode);
        await Api.AssertProblem(await org.Admin.PostAsync(approve), HttpStatusCode.Conflict, "membership.not_pending");
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/members/{org.ApplicantMembershipId}/reject"), HttpStatusCode.Conflict, "membership.not_pending");

        var audit = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/audit?action=member.approved");
        var entry = Assert.Single(audit.AsArray());
        Assert.Equal(org.Applicant.Email.Split('@')[0], entry!["subjectName"]!.GetValue<string>());

        var mail = await app.WithDbAsync(db => db.Outbox.Where(o => o.Recipient == org.Applicant.Email).Select(o => o.Kind).ToListAsync());
        Assert.Contains("membership_pending", mail);
        Assert.Contains("membership_approved", mail);
    }

    [Fact]
    public async Task The_last_admin_cannot_step_down()
    {
        var org = await TestOrg.CreateAsync(app);
        var me = await org.Admin.GetJsonAsync("/api/v1/me");
        var adminMembership = me["memberships"]![0]!["id"]!.GetValue<string>();
        await Api.AssertProblem(
            await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/members/{adminMembership}/roles", new { roles = new[] { "Volunteer" }, programmeIds = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "membership.last_admin");
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_never_leave_the_organisation_without_an_admin()
    {
        var org = await TestOrg.CreateAsync(app);
        var first = (await org.Admin.GetJsonAsync("/api/v1/me"))["memberships"]![0]!["id"]!.GetValue<string>();
        var volunteerOnly = new { roles = new[] { "Volunteer" }, programmeIds = Array.Empty<string>() };
        var adminAgain = new { roles = new[] { "Admin" }, programmeIds = Array.Empty<string>() };
        string Roles(string membership) => $"/api/v1/organisations/{org.Slug}/members/{membership}/roles";
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PutAsync(Roles(org.VolunteerMembershipId), adminAgain)).StatusCode);

        for (var round = 0; round < 20; round++)
        {
            var both = await Task.WhenAll(
                org.Admin.PutAsync(Roles(org.VolunteerMembershipId), volunteerOnly),
                org.Volunteer.PutAsync(Roles(first), volunteerOnly));
            var statuses = both.Select(r => r.StatusCode).ToArray();
            Assert.Single(statuses, HttpStatusCode.OK);
            Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.Forbidden, $"round {round}: {s}"));

            var memberships = await app.WithDbAsync(db => db.Memberships.AsNoTracking()
                .Where(m => db.Organisations.Any(o => o.Id == m.OrganisationId && o.Slug == org.Slug)).ToListAsync());
            var active = memberships.Where(m => m.IsAdmin).Select(m => m.Id.ToString()).ToArray();
            Assert.Single(active);

            // Whoever is left restores the other, for the next round.
            var (remaining, demoted) = active[0] == first ? (org.Admin, org.VolunteerMembershipId) : (org.Volunteer, first);
            Assert.Equal(HttpStatusCode.OK, (await remaining.PutAsync(Roles(demoted), adminAgain)).StatusCode);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvitationTestsOnSqlite(SqliteApp app) : InvitationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InvitationTestsOnPostgres(PostgresApp app) : InvitationTests(app);
