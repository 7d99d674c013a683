using System.Net;
using System.Text.Json.Nodes;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Messaging;
using Kaifong.Web.Features.Signups;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Web.Tests.Features;

/// <summary>尋找替班 and unconfirmed places over HTTP against the real database: who is offered, who wins, who is told.</summary>
public abstract class SubstituteTests(KaifongApp app)
{
    private async Task<(TestOrg Org, string Programme, List<Api> People)> WorldAsync(int people)
    {
        var (org, programme) = await SignupWorld.OrgAsync(app);
        return (org, programme, await SignupWorld.PeopleAsync(app, org.Slug, people));
    }

    private Task<string> ShiftAsync(TestOrg org, string programme, string day, int maximum = 2, string start = "09:00", string end = "12:00") =>
        SignupWorld.ShiftIdAsync(org.Admin, org.Slug, SignupWorld.Shift(programme, day, maximum, start: start, end: end));

    private static async Task<string> SignUpAsync(Api person, string shiftId)
    {
        var response = await person.PostAsync($"/api/v1/shifts/{shiftId}/signups");
        var json = await Api.Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json["id"]!.GetValue<string>();
    }

    private Task<Guid> MembershipOfAsync(string slug, string email) => app.WithDbAsync(db => (
            from m in db.Memberships
            join u in db.Users on m.UserId equals u.Id
            join o in db.Organisations on m.OrganisationId equals o.Id
            where o.Slug == slug && u.Email == email
            select m.Id).SingleAsync());

    private Task<List<string>> MailKindsToAsync(string email) =>
        app.WithDbAsync(db => db.Outbox.Where(o => o.Recipient == email).Select(o => o.Kind).ToListAsync());

    private Task<Signup> SignupAsync(string id) => app.WithDbAsync(db => db.Signups.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(id)));

    [Fact]
    public async Task Asking_offers_the_place_to_eligible_free_members_only_and_the_requester_keeps_it()
    {
        var (org, programme, people) = await WorldAsync(4);
        var shiftId = await ShiftAsync(org, programme, "2026-12-17");
        var mine = await SignUpAsync(people[0], shiftId);
        // people[1] is on another shift at that time; people[2] said they are not available that day; people[3] is free.
        var clash = await ShiftAsync(org, programme, "2026-12-17", start: "10:00", end: "13:00");
        await SignUpAsync(people[1], clash);
        var away = await MembershipOfAsync(org.Slug, people[2].Email);
        await app.WithDbAsync(async db =>
        {
            var orgId = await db.Organisations.Where(o => o.Slug == org.Slug).Select(o => o.Id).SingleAsync();
            db.AvailabilityExceptions.Add(new AvailabilityException { Id = Guid.NewGuid(), OrganisationId = orgId, MembershipId = away, Date = new DateOnly(2026, 12, 17), Available = false });
            return await db.SaveChangesAsync();
        });

        var ask = await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests");

        var request = await Api.Json(ask);
        Assert.Equal(HttpStatusCode.Created, ask.StatusCode);
        Assert.Equal("Open", request["status"]!.GetValue<string>());
        var offered = await app.WithDbAsync(db => db.SubstituteOffers.Where(o => o.RequestId == Guid.Parse(request["id"]!.GetValue<string>())).Select(o => o.MembershipId).ToListAsync());
        Assert.Equal(request["offered"]!.GetValue<int>(), offered.Count);
        Assert.Contains(await MembershipOfAsync(org.Slug, people[3].Email), offered);
        Assert.DoesNotContain(await MembershipOfAsync(org.Slug, people[0].Email), offered);
        Assert.DoesNotContain(await MembershipOfAsync(org.Slug, people[1].Email), offered);
        Assert.DoesNotContain(away, offered);
        Assert.Contains(MessageKinds.SubstituteOffered, await MailKindsToAsync(people[3].Email));
        Assert.DoesNotContain(MessageKinds.SubstituteOffered, await MailKindsToAsync(people[1].Email));
        Assert.Equal(SignupStatus.Assigned, (await SignupAsync(mine)).Status);

        // A second tap answers with the same request.
        var again = await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(request["id"]!.GetValue<string>(), (await Api.Json(again))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_eight_pressing_at_once_the_first_takes_the_place_the_rest_hear_it_is_taken()
    {
        var (org, programme, people) = await WorldAsync(9);
        var shiftId = await ShiftAsync(org, programme, "2026-12-18", maximum: 1);
        var mine = await SignUpAsync(people[0], shiftId);
        Assert.Equal(HttpStatusCode.OK, (await people[0].PostAsync($"/api/v1/signups/{mine}/confirm")).StatusCode);
        var request = await Api.Json(await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests"));
        var requestId = request["id"]!.GetValue<string>();

        var answers = await Task.WhenAll(people.Skip(1).Select(p => p.PostAsync($"/api/v1/substitute-requests/{requestId}/accept")));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal("Confirmed", (await Api.Json(won))["status"]!.GetValue<string>());
        foreach (var lost in answers.Where(a => a != won))
        {
            await Api.AssertProblem(lost, HttpStatusCode.Conflict, "substitute.taken");
        }

        var requester = await SignupAsync(mine);
        Assert.Equal(SignupStatus.Cancelled, requester.Status);
        Assert.False(requester.LateCancellation);
        var shift = await app.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(shiftId)));
        Assert.Equal((1, 1), (shift.Assigned, shift.Confirmed));
        Assert.Equal(1, await app.WithDbAsync(db => db.Signups.CountAsync(s => s.ShiftId == shift.Id && s.Status == SignupStatus.Confirmed)));
        Assert.Contains(MessageKinds.SubstituteTaken, await MailKindsToAsync(people[0].Email));
        var winner = people[1 + Array.IndexOf(answers, won)];
        Assert.DoesNotContain(MessageKinds.SubstituteGone, await MailKindsToAsync(winner.Email));
        Assert.Contains(MessageKinds.SignupConfirmed, await MailKindsToAsync(winner.Email));
        var offeredOthers = await app.WithDbAsync(db => (
                from o in db.SubstituteOffers
                join m in db.Memberships on o.MembershipId equals m.Id
                join u in db.Users on m.UserId equals u.Id
                where o.RequestId == Guid.Parse(requestId) && u.Email != winner.Email
                select u.Email!).ToListAsync());
        Assert.NotEmpty(offeredOthers);
        foreach (var email in offeredOthers)
        {
            Assert.Contains(MessageKinds.SubstituteGone, await MailKindsToAsync(email));
        }
    }

    [Fact]
    public async Task Taking_ones_own_a_withdrawn_request_or_a_place_one_holds_is_refused_and_changes_nothing()
    {
        var (org, programme, people) = await WorldAsync(3);
        var shiftId = await ShiftAsync(org, programme, "2026-12-19");
        var mine = await SignUpAsync(people[0], shiftId);
        var holder = await SignUpAsync(people[1], shiftId);
        var waiting = await SignUpAsync(people[2], shiftId);
        Assert.Equal(SignupStatus.Waitlisted, (await SignupAsync(waiting)).Status);

        await Api.AssertProblem(await people[2].PostAsync($"/api/v1/signups/{waiting}/substitute-requests"), HttpStatusCode.Conflict, "substitute.no_place");
        await Api.AssertProblem(await people[1].PostAsync($"/api/v1/signups/{mine}/substitute-requests"), HttpStatusCode.Forbidden, "signup.not_yours");
        var requestId = (await Api.Json(await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests")))["id"]!.GetValue<string>();
        await Api.AssertProblem(await people[0].PostAsync($"/api/v1/substitute-requests/{requestId}/accept"), HttpStatusCode.Conflict, "substitute.own");
        await Api.AssertProblem(await people[1].PostAsync($"/api/v1/substitute-requests/{requestId}/accept"), HttpStatusCode.Conflict, "substitute.already_on_shift");
        var stranger = (await TestOrg.CreateAsync(app)).Admin;
        await Api.AssertProblem(await stranger.PostAsync($"/api/v1/substitute-requests/{requestId}/accept"), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await stranger.Http.DeleteAsync($"/api/v1/substitute-requests/{requestId}"), HttpStatusCode.NotFound, "not_found");

        var withdraw = await people[0].Http.DeleteAsync($"/api/v1/substitute-requests/{requestId}");
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Equal("Withdrawn", (await Api.Json(withdraw))["status"]!.GetValue<string>());
        await Api.AssertProblem(await people[0].Http.DeleteAsync($"/api/v1/substitute-requests/{requestId}"), HttpStatusCode.Conflict, "substitute.closed");

        // The waitlisted person takes a place handed over while they wait: off the waitlist, confirmed.
        var second = (await Api.Json(await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests")))["id"]!.GetValue<string>();
        var took = await people[2].PostAsync($"/api/v1/substitute-requests/{second}/accept");
        Assert.Equal(HttpStatusCode.OK, took.StatusCode);
        Assert.Equal(SignupStatus.Confirmed, (await SignupAsync(waiting)).Status);
        var shift = await app.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(shiftId)));
        Assert.Equal((2, 1, 0), (shift.Assigned, shift.Confirmed, shift.Waitlisted));
        await Api.AssertProblem(await people[1].PostAsync($"/api/v1/substitute-requests/{second}/accept"), HttpStatusCode.Conflict, "substitute.taken");
        Assert.Equal(SignupStatus.Assigned, (await SignupAsync(holder)).Status);
    }

    [Fact]
    public async Task Cancelling_a_place_closes_its_request_and_those_offered_are_told()
    {
        var (org, programme, people) = await WorldAsync(2);
        var shiftId = await ShiftAsync(org, programme, "2026-12-21");
        var mine = await SignUpAsync(people[0], shiftId);
        var requestId = (await Api.Json(await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests")))["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await people[0].Http.DeleteAsync($"/api/v1/signups/{mine}")).StatusCode);

        Assert.Equal(SubstituteStatus.Withdrawn, await app.WithDbAsync(db => db.SubstituteRequests.Where(r => r.Id == Guid.Parse(requestId)).Select(r => r.Status).SingleAsync()));
        Assert.Contains(MessageKinds.SubstituteGone, await MailKindsToAsync(people[1].Email));
        await Api.AssertProblem(await people[1].PostAsync($"/api/v1/substitute-requests/{requestId}/accept"), HttpStatusCode.Conflict, "substitute.closed");
    }

    [Fact]
    public async Task Places_left_unconfirmed_are_reported_once_to_the_coordinators_and_offered_on_by_policy()
    {
        var (org, programme, people) = await WorldAsync(2);
        var policy = await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/filling-policy",
            new { weeklyShiftLimit = (int?)null, monthlyShiftLimit = (int?)null, minRestMinutes = 0, confirmationHours = 48, lateCancellationHours = 24, offerUnconfirmedPlaces = true });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.True((await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/filling-policy"))["offerUnconfirmedPlaces"]!.GetValue<bool>());
        var shiftId = await ShiftAsync(org, programme, "2026-12-22");
        var mine = await SignUpAsync(people[0], shiftId);
        var overdue = app.Time.GetUtcNow().AddMinutes(-1);
        await app.WithDbAsync(db => db.Signups.Where(s => s.Id == Guid.Parse(mine)).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmBy, overdue)));

        await ReportAsync();
        await ReportAsync();

        Assert.NotNull((await SignupAsync(mine)).UnconfirmedReportedAt);
        Assert.Single(await MailKindsToAsync(org.Admin.Email), k => k == MessageKinds.UnconfirmedPlaces);
        var request = await app.WithDbAsync(db => db.SubstituteRequests.AsNoTracking().SingleAsync(r => r.SignupId == Guid.Parse(mine)));
        Assert.Equal((SubstituteStatus.Open, SubstituteOrigin.Unconfirmed), (request.Status, request.Origin));
        Assert.Contains(MessageKinds.SubstituteOffered, await MailKindsToAsync(people[1].Email));
        var list = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/substitute-requests");
        Assert.Contains(list.AsArray(), r => r!["id"]!.GetValue<string>() == request.Id.ToString() && r["origin"]!.GetValue<string>() == "Unconfirmed");

        var (_, page) = await (await PageClient.SignInAsync(app, org.Admin.Email)).GetPageAsync($"/o/{org.Slug}/substitutes");
        Assert.Contains(people[0].Email.Split('@')[0], page.QuerySelector("#overdue")!.TextContent, StringComparison.Ordinal);

        // Confirming late still counts: the place is theirs again and the offer is withdrawn.
        Assert.Equal(HttpStatusCode.OK, (await people[0].PostAsync($"/api/v1/signups/{mine}/confirm")).StatusCode);
        Assert.Equal(SubstituteStatus.Withdrawn, await app.WithDbAsync(db => db.SubstituteRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));
        Assert.Contains(MessageKinds.SubstituteGone, await MailKindsToAsync(people[1].Email));
    }

    private async Task ReportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UnconfirmedPlaces>().ReportAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Open_requests_are_for_coordinators_and_volunteers_get_403()
    {
        var (org, programme, people) = await WorldAsync(1);
        var shiftId = await ShiftAsync(org, programme, "2026-12-23");
        var mine = await SignUpAsync(people[0], shiftId);
        await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests");

        var list = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/substitute-requests");
        Assert.Contains(list.AsArray(), r => r!["shiftId"]!.GetValue<string>() == shiftId && r["requestedBy"]!.GetValue<string>() == people[0].Email.Split('@')[0]);
        await Api.AssertProblem(await org.Volunteer.GetAsync($"/api/v1/organisations/{org.Slug}/substitute-requests"), HttpStatusCode.Forbidden, "forbidden");

        var admin = await PageClient.SignInAsync(app, org.Admin.Email);
        var (page, doc) = await admin.GetPageAsync($"/o/{org.Slug}/substitutes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(doc.QuerySelector($"main a[href='/o/{org.Slug}/shifts/{shiftId}']"));
        var volunteer = await PageClient.SignInAsync(app, org.Volunteer.Email);
        Assert.NotEqual(HttpStatusCode.OK, (await volunteer.GetPageAsync($"/o/{org.Slug}/substitutes")).Response.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_ticks_several_on_the_who_can_fill_list_and_assigns_them_at_once()
    {
        var (org, programme, people) = await WorldAsync(3);
        var shiftId = await ShiftAsync(org, programme, "2026-12-26", maximum: 2);
        var url = $"/o/{org.Slug}/shifts/{shiftId}";
        var admin = await PageClient.SignInAsync(app, org.Admin.Email);
        var (_, doc) = await admin.GetPageAsync(url);
        var ticks = doc.QuerySelectorAll("#candidates input[name=membershipIds]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.True(ticks.Count >= 3, $"{ticks.Count} candidates");
        PagesTests.AssertLabelled(doc, url);

        var post = await admin.Http.PostAsync($"{url}?handler=assignMany", new FormUrlEncodedContent(
            ticks.Take(3).Select(t => new KeyValuePair<string, string>("membershipIds", t))
                .Append(new("__RequestVerificationToken", await admin.TokenAsync(url)))));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var (_, after) = await admin.GetPageAsync(url);
        var flash = after.QuerySelector("[role=status]")?.TextContent ?? "";
        Assert.True(flash.Contains("2 assigned; 1 could not be: This shift is full.", StringComparison.Ordinal), flash);
        var shift = await app.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(shiftId)));
        Assert.Equal(2, shift.Assigned);
    }

    [Fact]
    public async Task On_the_shift_page_a_volunteer_asks_another_takes_it_and_the_coordinator_sees_who_can_fill()
    {
        var (org, programme, people) = await WorldAsync(2);
        var shiftId = await ShiftAsync(org, programme, "2026-12-24");
        var url = $"/o/{org.Slug}/shifts/{shiftId}";
        var mine = await SignUpAsync(people[0], shiftId);

        var asker = await PageClient.SignInAsync(app, people[0].Email);
        var asked = await asker.PostFormAsync(url, $"{url}?handler=substitute&signupId={mine}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, after) = await asker.GetPageAsync(url);
        Assert.NotNull(after.QuerySelector("#substitute-status"));
        Assert.Null(after.QuerySelector("#participants"));
        Assert.Null(after.QuerySelector("#candidates"));

        // The coordinator sees who is on it (with contact details, audited) and who could fill the other place.
        var admin = await PageClient.SignInAsync(app, org.Admin.Email);
        var (_, board) = await admin.GetPageAsync(url);
        Assert.Contains(people[0].Email.Split('@')[0], board.QuerySelector("#participants")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(people[1].Email.Split('@')[0], board.QuerySelector("#candidates")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(people[0].Email.Split('@')[0], board.QuerySelector("#candidates")!.TextContent, StringComparison.Ordinal);
        // The audit log names the shift in words (issue 9 B.9: it used to be the shift's id).
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Kaifong.Domain.Audit.AuditActions.ParticipantsViewed
            && db.Organisations.Any(o => o.Id == a.OrganisationId && o.Slug == org.Slug) && a.Detail!.StartsWith("長者送飯 · 送飯 · "))));
        Assert.Null(after.QuerySelector("#participants form"));
        Assert.NotNull(board.QuerySelector("#participants form[action*='handler=remove']"));

        var taker = await PageClient.SignInAsync(app, people[1].Email);
        var (_, offer) = await taker.GetPageAsync(url);
        var form = offer.QuerySelector("#substitute-offer form")!;
        var took = await taker.PostFormAsync(url, form.GetAttribute("action")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, took.StatusCode);
        Assert.Equal(SignupStatus.Cancelled, (await SignupAsync(mine)).Status);
        Assert.Equal(SignupStatus.Confirmed, await app.WithDbAsync(db => (
            from s in db.Signups
            join u in db.Users on s.UserId equals u.Id
            where s.ShiftId == Guid.Parse(shiftId) && u.Email == people[1].Email
            select s.Status).SingleAsync()));

        // The coordinator takes him off again from the same page.
        var (_, now) = await admin.GetPageAsync(url);
        var remove = Assert.Single(now.QuerySelectorAll("#participants form[action*='handler=remove']"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, remove.GetAttribute("action")!, new Dictionary<string, string>())).StatusCode);
        var emptied = await app.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(shiftId)));
        Assert.Equal((0, 0), (emptied.Assigned, emptied.Confirmed));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SubstituteTestsOnSqlite(SqliteApp app) : SubstituteTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SubstituteTestsOnPostgres(PostgresApp app) : SubstituteTests(app);
