using Stopwatch = System.Diagnostics.Stopwatch;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Bench.Signups;

/// <summary>
/// An organisation for the sign-up rush: VOLUNTEERS active volunteer members (all in one programme, no skills needed) and
/// SHIFTS small shifts (PLACES places each), four a day that never overlap, starting two weeks from today. Nobody holds
/// a place yet. Rows have the shape the app writes (Membership.Join, Materialiser.Plan as ScheduleCommands), inserted in
/// batches like the scheduling bench's seeder.
/// </summary>
public static class Seeder
{
    public const string Slug = "bench-signups";
    public const string Password = "Kaifong-bench-2026";

    private static readonly TimeProvider Time = TimeProvider.System;

    /// <summary>Four shifts a day, local time, with an hour's gap between them (no overlap, no rest rule broken).</summary>
    private static ShiftDefinition[] Day(int places) =>
    [
        new("早更", new(8, 0), new(10, 0), 1, places, places, []),
        new("午前更", new(11, 0), new(13, 0), 1, places, places, []),
        new("午後更", new(14, 0), new(16, 0), 1, places, places, []),
        new("晚更", new(17, 0), new(19, 0), 1, places, places, []),
    ];

    public static string VolunteerEmail(int i) => $"s{i:00000}@signups.bench.kaifong.hk";

    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Required("provider");
        var connection = options.Required("connection");
        var volunteers = options.Int("volunteers", 2000);
        var shiftCount = options.Int("shifts", 400);
        var places = options.Int("places", 10);
        if (volunteers < 1 || shiftCount < 4 || shiftCount % 4 != 0 || places < 1)
        {
            throw new BenchException("--volunteers ≥ 1, --shifts a multiple of 4, --places ≥ 1");
        }

        var clock = Stopwatch.StartNew();
        await using (var db = BenchKit.NewDb(provider, connection))
        {
            await db.Database.MigrateAsync();
            if (await db.Organisations.AnyAsync(o => o.Slug == Slug))
            {
                throw new BenchException($"organisation {Slug} exists: seed a fresh database");
            }
        }

        var now = Time.GetUtcNow();
        var zone = OrganisationRules.FindZone(OrganisationRules.DefaultTimeZone) ?? throw new BenchException("no Asia/Hong_Kong zone");
        var passwordHash = new PasswordHasher<KaifongUser>().HashPassword(new KaifongUser(), Password);
        var org = new Organisation { Id = Ids.New(Time), Name = "街坊報名壓力測試", Slug = Slug, TimeZone = OrganisationRules.DefaultTimeZone, DefaultLanguage = Languages.ZhHk, CreatedAt = now };
        var programme = new Programme { Id = Ids.New(Time), OrganisationId = org.Id, Name = "社區飯堂", CreatedAt = now };
        var type = new ActivityType { Id = Ids.New(Time), OrganisationId = org.Id, Name = "前線服務", CreatedAt = now };

        var users = Enumerable.Range(1, volunteers).Select(i => new KaifongUser
        {
            Id = Ids.New(Time), UserName = VolunteerEmail(i), NormalizedUserName = VolunteerEmail(i).ToUpperInvariant(), Email = VolunteerEmail(i),
            NormalizedEmail = VolunteerEmail(i).ToUpperInvariant(), EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString(),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, DisplayName = $"報名義工{i:00000}", Language = Languages.ZhHk,
            District = District.TsuenWan, CreatedAt = now,
        }).ToList();
        var memberships = users.Select(u =>
        {
            var m = Membership.Join(Ids.New(Time), org.Id, u.Id, MemberRoles.Volunteer, needsApproval: false, invitationId: null, now);
            m.Programmes.Add(new MembershipProgramme { MembershipId = m.Id, ProgrammeId = programme.Id });
            return m;
        }).ToList();

        // One daily series, materialised exactly as ScheduleCommands writes it.
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(14);
        var days = shiftCount / 4;
        var activity = new Activity
        {
            Id = Ids.New(Time), OrganisationId = org.Id, ProgrammeId = programme.Id, ActivityTypeId = type.Id, Title = "社區飯堂當值",
            Venue = "荃灣 社區中心 2 樓", District = District.TsuenWan, StartDate = firstDay, StartTime = new(8, 0), DurationMinutes = 11 * 60,
            RRule = Recurrence.Validate($"FREQ=DAILY;COUNT={days}", firstDay.ToDateTime(new TimeOnly(8, 0))).Value ?? throw new BenchException("rule refused"),
            RegistrationDeadlineMinutes = 24 * 60, Shifts = [.. Day(places)], MaterialisedUntil = firstDay.AddDays(days - 1), CreatedAt = now, UpdatedAt = now,
        };
        var occurrences = new List<Occurrence>();
        var shifts = new List<Shift>();
        foreach (var plan in Materialiser.Plan(activity, zone, firstDay, firstDay.AddDays(days - 1)))
        {
            var occurrence = new Occurrence { Id = Ids.New(Time), OrganisationId = org.Id, ActivityId = activity.Id, Date = plan.Date, Start = plan.Start, End = plan.End, UpdatedAt = now };
            occurrences.Add(occurrence);
            shifts.AddRange(plan.Shifts.Select((p, slot) => new Shift
            {
                Id = Ids.New(Time), OrganisationId = org.Id, ActivityId = activity.Id, OccurrenceId = occurrence.Id, ProgrammeId = programme.Id, Slot = slot,
                Role = p.Definition.Role, Start = p.Start, End = p.End, Minimum = p.Definition.Minimum, Target = p.Definition.Target, Maximum = p.Definition.Maximum,
                RequiredSkills = [.. p.Definition.RequiredSkills], UpdatedAt = now,
            }));
        }

        if (shifts.Count != shiftCount)
        {
            throw new BenchException($"planned {shifts.Count} shifts, wanted {shiftCount}");
        }

        await BenchKit.SaveAsync(provider, connection, db =>
        {
            db.Organisations.Add(org);
            db.Programmes.Add(programme);
            db.ActivityTypes.Add(type);
            db.Activities.Add(activity);
        });
        await BenchKit.SaveChunksAsync(provider, connection, users, (db, chunk) => db.Users.AddRange(chunk));
        await BenchKit.SaveChunksAsync(provider, connection, memberships, (db, chunk) => db.Memberships.AddRange(chunk));
        await BenchKit.SaveChunksAsync(provider, connection, occurrences, (db, chunk) => db.Occurrences.AddRange(chunk));
        await BenchKit.SaveChunksAsync(provider, connection, shifts, (db, chunk) => db.Shifts.AddRange(chunk));
        Console.WriteLine($"seeded {provider} in {clock.Elapsed.TotalSeconds:0.0} s: {users.Count} volunteers (active members), {occurrences.Count} days "
            + $"from {firstDay:yyyy-MM-dd}, {shifts.Count} shifts × {places} places = {shifts.Count * places} places, none taken");
        return 0;
    }
}
