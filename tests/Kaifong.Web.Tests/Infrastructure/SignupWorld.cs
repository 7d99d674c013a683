using System.Net;
using Kaifong.Data;
using Kaifong.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Infrastructure;

/// <summary>Organisations, shifts and many members for the sign-up and substitute tests.</summary>
public static class SignupWorld
{
    public static object Shift(string programmeId, string day, int maximum = 2, string[]? skills = null, bool privacyMode = false, string? deadline = null, string start = "09:00", string end = "12:00") => new
    {
        title = "長者送飯", programmeId, start = $"{day}T{start}", end = $"{day}T{end}", privacyMode, registrationDeadline = deadline,
        shifts = new[] { new { role = "送飯", start, end, minimum = 1, target = maximum, maximum, requiredSkills = skills ?? [] } },
    };

    public static async Task<(TestOrg Org, string Programme)> OrgAsync(KaifongApp app)
    {
        var org = await TestOrg.CreateAsync(app);
        return (org, await org.Admin.CreateProgrammeAsync(org.Slug, "長者送飯"));
    }

    public static async Task<string> ShiftIdAsync(Api admin, string slug, object body)
    {
        var response = await admin.PostAsync($"/api/v1/organisations/{slug}/activities", body);
        var json = await Api.Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>();
    }

    /// <summary>People who joined the organisation without approval: accounts copy one password hash, so making 200 stays quick.</summary>
    public static async Task<List<Api>> PeopleAsync(KaifongApp app, string slug, int count)
    {
        var first = await Api.RegisterAsync(app, Unique.Email("p"));
        var emails = Enumerable.Range(1, count - 1).Select(_ => Unique.Email("p")).ToList();
        await app.WithDbAsync(async db =>
        {
            var template = await db.Users.AsNoTracking().SingleAsync(u => u.Email == first.Email);
            var orgId = await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
            foreach (var email in emails)
            {
                var user = new KaifongUser
                {
                    Id = Guid.NewGuid(), Email = email, NormalizedEmail = email.ToUpperInvariant(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
                    EmailConfirmed = true, PasswordHash = template.PasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                    DisplayName = email.Split('@')[0], Language = "en", CreatedAt = app.Time.GetUtcNow(),
                };
                db.Users.Add(user);
                db.Memberships.Add(Membership.Join(Guid.NewGuid(), orgId, user.Id, MemberRoles.Volunteer, needsApproval: false, null, app.Time.GetUtcNow()));
            }

            var m = Membership.Join(Guid.NewGuid(), orgId, template.Id, MemberRoles.Volunteer, needsApproval: false, null, app.Time.GetUtcNow());
            db.Memberships.Add(m);
            return await db.SaveChangesAsync();
        });
        var people = new List<Api> { first };
        foreach (var batch in emails.Chunk(20))
        {
            people.AddRange(await Task.WhenAll(batch.Select(e => Api.LoginAsync(app, e))));
        }

        return people;
    }
}
