using Stopwatch = System.Diagnostics.Stopwatch;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Bench.Schedule;

/// <summary>
/// A large fictional organisation: 5,000 volunteers in four programmes and about 1,000 shifts in December 2026, with
/// about 60 % of the places taken. The rows have the shape the app writes (DemoSeeder, ScheduleCommands), inserted in
/// batches without change detection. A fixed random seed makes every run the same data set (ids differ).
/// </summary>
public static class Seeder
{
    public const string Slug = "bench-centre";
    public const string Password = "Kaifong-bench-2026";
    public const string CoordinatorEmail = "coordinator@bench.kaifong.hk";
    public const string VolunteerEmail = "volunteer@bench.kaifong.hk";
    public const int VolunteerCount = 5000;
    public static readonly DateOnly MonthStart = new(2026, 12, 1);
    public static readonly DateOnly MonthEnd = new(2026, 12, 31);

    private const string FirstAid = "急救證書";
    private const string Driving = "駕駛執照";
    private const string Scrc = "性罪行定罪紀錄查核";
    private const string Until = ";UNTIL=20261231T235959";

    private static readonly TimeProvider Time = TimeProvider.System;

    private sealed record Spec(string Programme, string Title, TimeOnly Start, TimeOnly End, ShiftDefinition[] Shifts);

    private static readonly string[] ProgrammeNames = ["長者送飯", "課後輔導", "社區探訪", "環保回收"];

    /// <summary>Per programme: the activity's local hours and the shifts an occurrence may have (the first 1–3 are used).</summary>
    private static readonly Spec[] Kinds =
    [
        new("長者送飯", "送飯", new(8, 0), new(12, 0),
        [
            new("送飯", new(9, 0), new(12, 0), 2, 4, 5, []),
            new("司機", new(9, 30), new(12, 0), 1, 1, 1, [Driving]),
            new("廚房", new(8, 0), new(10, 0), 2, 3, 4, []),
        ]),
        new("課後輔導", "功課輔導", new(15, 30), new(18, 0),
        [
            new("導師", new(16, 0), new(18, 0), 2, 3, 4, []),
            new("助教", new(16, 0), new(18, 0), 1, 2, 3, []),
            new("接送", new(15, 30), new(16, 30), 1, 2, 2, []),
        ]),
        new("社區探訪", "長者探訪", new(10, 0), new(12, 0),
        [
            new("探訪員", new(10, 0), new(12, 0), 2, 3, 4, []),
            new("急救員", new(10, 0), new(12, 0), 1, 1, 1, [FirstAid]),
            new("翻譯", new(10, 0), new(12, 0), 1, 1, 2, []),
        ]),
        new("環保回收", "回收站", new(13, 30), new(17, 0),
        [
            new("分類", new(14, 0), new(17, 0), 3, 5, 6, []),
            new("搬運", new(14, 0), new(17, 0), 2, 3, 4, []),
            new("組長", new(13, 30), new(17, 0), 1, 1, 1, [FirstAid]),
        ]),
    ];

    /// <summary>38 recurring activities: (rule, shifts per occurrence for each activity). About 1,000 shifts in December 2026.</summary>
    private static readonly (string Rule, int[] ShiftCounts)[] Series =
    [
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", [1, 2, 2, 1, 2, 1, 2, 2]),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", [2, 1, 3, 2, 1, 2, 1, 2, 3, 1]),
        ("FREQ=WEEKLY;BYDAY=TU,TH", [2, 2, 1, 3, 1, 2, 2, 1, 1, 2]),
        ("FREQ=WEEKLY;BYDAY=SA", [3, 3, 2, 2, 3, 1]),
        ("FREQ=DAILY", [2, 2, 2, 2]),
    ];

    private static readonly District[] Districts = [District.TsuenWan, District.KwaiTsing, District.ShamShuiPo, District.ShaTin, District.KwunTong];

    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Required("provider");
        var connection = options.Required("connection");
        var clock = Stopwatch.StartNew();
        await using (var db = BenchKit.NewDb(provider, connection))
        {
            await db.Database.MigrateAsync();
            if (await db.Organisations.AnyAsync(o => o.Slug == Slug))
            {
                throw new BenchException($"organisation {Slug} exists: seed a fresh database");
            }
        }

        var counts = await SeedAsync(provider, connection);
        Console.WriteLine($"seeded {provider} in {clock.Elapsed.TotalSeconds:0.0} s: {counts}");
        return 0;
    }

    private static async Task<string> SeedAsync(string provider, string connection)
    {
        var random = new Random(2026);
        var now = Time.GetUtcNow();
        var zone = OrganisationRules.FindZone(OrganisationRules.DefaultTimeZone) ?? throw new BenchException("no Asia/Hong_Kong zone");
        var passwordHash = new PasswordHasher<KaifongUser>().HashPassword(new KaifongUser(), Password);

        var org = new Organisation { Id = Ids.New(Time), Name = "街坊基準測試中心", Slug = Slug, TimeZone = OrganisationRules.DefaultTimeZone, DefaultLanguage = Languages.ZhHk, CreatedAt = now };
        var programmes = ProgrammeNames.Select(n => new Programme { Id = Ids.New(Time), OrganisationId = org.Id, Name = n, CreatedAt = now }).ToArray();
        var programmeId = programmes.ToDictionary(p => p.Name, p => p.Id);
        var frontline = new ActivityType { Id = Ids.New(Time), OrganisationId = org.Id, Name = "前線服務", CreatedAt = now };
        var children = new ActivityType { Id = Ids.New(Time), OrganisationId = org.Id, Name = "兒童服務", RequiredSkills = [Scrc], CreatedAt = now };
        await BenchKit.SaveAsync(provider, connection, db =>
        {
            db.Organisations.Add(org);
            db.Programmes.AddRange(programmes);
            db.ActivityTypes.AddRange(frontline, children);
        });

        // People: a coordinator for all programmes, the benchmark volunteer, and 5,000 volunteers.
        KaifongUser User(string email, string name) => new()
        {
            Id = Ids.New(Time), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true, DisplayName = name, Language = Languages.ZhHk, District = Districts[random.Next(Districts.Length)], CreatedAt = now,
        };

        var users = new List<KaifongUser> { User(CoordinatorEmail, "基準統籌"), User(VolunteerEmail, "基準義工") };
        users.AddRange(Enumerable.Range(1, VolunteerCount).Select(i => User($"v{i:00000}@bench.kaifong.hk", $"義工{i:00000}")));
        var memberships = new List<Membership>();
        var skills = new List<MemberSkill>();
        var expiry = new DateOnly(2027, 6, 30);

        void Skill(Membership m, string name, DateOnly? expiresOn = null) => skills.Add(new MemberSkill
        {
            Id = Ids.New(Time), OrganisationId = org.Id, MembershipId = m.Id, Name = name, Verified = true, ExpiresOn = expiresOn, VerifiedBy = users[0].Id,
        });

        Membership Member(KaifongUser user, MemberRoles roles, IEnumerable<Programme> inProgrammes)
        {
            var m = Membership.Join(Ids.New(Time), org.Id, user.Id, roles, needsApproval: false, invitationId: null, now);
            m.Programmes.AddRange(inProgrammes.Select(p => new MembershipProgramme { MembershipId = m.Id, ProgrammeId = p.Id }));
            memberships.Add(m);
            return m;
        }

        Member(users[0], MemberRoles.Coordinator, []);
        var benchVolunteer = Member(users[1], MemberRoles.Volunteer, programmes);
        Skill(benchVolunteer, FirstAid, expiry);
        Skill(benchVolunteer, Driving);
        Skill(benchVolunteer, Scrc);
        foreach (var user in users.Skip(2))
        {
            var first = random.Next(programmes.Length);
            var mine = random.Next(3) == 0 ? new[] { programmes[first], programmes[(first + 1) % programmes.Length] } : [programmes[first]];
            var m = Member(user, MemberRoles.Volunteer, mine);
            var r = random.Next(100);
            if (r < 35)
            {
                Skill(m, FirstAid, expiry);
            }
            else if (r < 42)
            {
                Skill(m, FirstAid, new DateOnly(2026, 10, 1)); // lapsed
            }

            if (random.Next(100) < 15)
            {
                Skill(m, Driving);
            }

            if (mine.Any(p => p.Name == "課後輔導") || random.Next(100) < 10)
            {
                Skill(m, Scrc);
            }
        }

        await BenchKit.SaveChunksAsync(provider, connection, users, (db, chunk) => db.Users.AddRange(chunk));
        await BenchKit.SaveChunksAsync(provider, connection, memberships, (db, chunk) => db.Memberships.AddRange(chunk)); // with their programmes
        await BenchKit.SaveChunksAsync(provider, connection, skills, (db, chunk) => db.MemberSkills.AddRange(chunk));

        // The schedule: activities materialised for December exactly as ScheduleCommands does (occurrences, shifts with slots).
        var activities = new List<Activity>();
        var occurrences = new List<Occurrence>();
        var shifts = new List<(Shift Shift, DateOnly Day, IReadOnlyList<string> TypeSkills)>();
        var n = 0;
        foreach (var (rule, shiftCounts) in Series)
        {
            foreach (var count in shiftCounts)
            {
                var kind = Kinds[n % Kinds.Length];
                var type = kind.Programme == "課後輔導" ? children : frontline;
                var canonical = Recurrence.Validate(rule + Until, MonthStart.ToDateTime(kind.Start));
                var activity = new Activity
                {
                    Id = Ids.New(Time), OrganisationId = org.Id, ProgrammeId = programmeId[kind.Programme], ActivityTypeId = type.Id,
                    Title = $"{kind.Title} {n + 1:00}", Venue = $"{Districts[n % Districts.Length]} 中心 {n % 7 + 1} 樓", District = Districts[n % Districts.Length],
                    Notes = "請提早十分鐘到達。", StartDate = MonthStart, StartTime = kind.Start, DurationMinutes = (int)(kind.End - kind.Start).TotalMinutes,
                    RRule = canonical.Value ?? throw new BenchException($"rule {rule} refused"),
                    RegistrationDeadlineMinutes = (n % 3) switch { 0 => 24 * 60, 1 => null, _ => 3 * 24 * 60 },
                    Outdoor = kind.Programme == "環保回收", Shifts = [.. kind.Shifts.Take(count)], MaterialisedUntil = MonthEnd, CreatedAt = now, UpdatedAt = now,
                };
                activities.Add(activity);
                foreach (var plan in Materialiser.Plan(activity, zone, MonthStart, MonthEnd))
                {
                    var occurrence = new Occurrence
                    {
                        Id = Ids.New(Time), OrganisationId = org.Id, ActivityId = activity.Id, Date = plan.Date, Start = plan.Start, End = plan.End, UpdatedAt = now,
                    };
                    occurrences.Add(occurrence);
                    shifts.AddRange(plan.Shifts.Select((p, slot) => (new Shift
                    {
                        Id = Ids.New(Time), OrganisationId = org.Id, ActivityId = activity.Id, OccurrenceId = occurrence.Id, ProgrammeId = activity.ProgrammeId,
                        Slot = slot, Role = p.Definition.Role, Start = p.Start, End = p.End, Minimum = p.Definition.Minimum, Target = p.Definition.Target,
                        Maximum = p.Definition.Maximum, RequiredSkills = [.. p.Definition.RequiredSkills], UpdatedAt = now,
                    }, plan.Date, (IReadOnlyList<string>)type.RequiredSkills)));
                }

                n++;
            }
        }

        var signups = Assign(random, now, org.Id, memberships, benchVolunteer, skills, shifts);
        await BenchKit.SaveAsync(provider, connection, db => db.Activities.AddRange(activities));
        await BenchKit.SaveChunksAsync(provider, connection, occurrences, (db, chunk) => db.Occurrences.AddRange(chunk));
        await BenchKit.SaveChunksAsync(provider, connection, shifts.Select(s => s.Shift).ToList(), (db, chunk) => db.Shifts.AddRange(chunk));
        await BenchKit.SaveChunksAsync(provider, connection, signups, (db, chunk) => db.Signups.AddRange(chunk));

        var places = shifts.Sum(s => s.Shift.Maximum);
        var taken = shifts.Sum(s => s.Shift.Assigned);
        var states = shifts.GroupBy(s => s.Shift.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        return $"{users.Count} users, {memberships.Count} memberships, {skills.Count} member skills, {activities.Count} activities, "
            + $"{occurrences.Count} occurrences, {shifts.Count} shifts, {signups.Count} signups, {taken}/{places} places taken "
            + $"({100.0 * taken / places:0}%), {string.Join(", ", states)}";
    }

    /// <summary>
    /// Fills places like DemoSchedule: per shift none, the minimum, the target or the maximum, each person at most once a
    /// day and only with the skills required. The benchmark volunteer holds a few shifts (so "not mine" is tested) and is
    /// otherwise left free.
    /// </summary>
    private static List<Signup> Assign(Random random, DateTimeOffset now, Guid orgId, List<Membership> memberships, Membership bench,
        List<MemberSkill> skills, List<(Shift Shift, DateOnly Day, IReadOnlyList<string> TypeSkills)> shifts)
    {
        var held = skills.ToLookup(s => s.MembershipId, s => new HeldSkill(s.Name, s.Verified, s.ExpiresOn));
        var volunteers = memberships.Where(m => m.Roles == MemberRoles.Volunteer && m.Id != bench.Id).ToArray();
        var busy = new HashSet<(Guid, DateOnly)>();
        var signups = new List<Signup>();

        void Add(Membership m, Shift shift, DateOnly day)
        {
            busy.Add((m.Id, day));
            var confirmed = random.Next(3) > 0;
            signups.Add(new Signup
            {
                Id = Ids.New(Time), OrganisationId = orgId, ShiftId = shift.Id, MembershipId = m.Id, UserId = m.UserId,
                Status = confirmed ? SignupStatus.Confirmed : SignupStatus.Assigned, CreatedAt = now, UpdatedAt = now,
            });
            shift.Assigned++;
            shift.Confirmed += confirmed ? 1 : 0;
        }

        foreach (var (shift, day, _) in shifts.Where(s => s.Shift.RequiredSkills.Count == 0).Take(60).Where((_, i) => i % 10 == 0))
        {
            Add(bench, shift, day);
        }

        foreach (var (shift, day, typeSkills) in shifts)
        {
            var wanted = random.Next(100) switch { < 24 => 0, < 44 => shift.Minimum, < 74 => shift.Target, _ => shift.Maximum };
            for (var attempt = 0; attempt < 500 && shift.Assigned < wanted; attempt++)
            {
                var v = volunteers[random.Next(volunteers.Length)];
                if (!busy.Contains((v.Id, day)) && Eligibility.MissingSkills(shift.RequiredSkills.Concat(typeSkills), held[v.Id], day).Count == 0)
                {
                    Add(v, shift, day);
                }
            }
        }

        return signups;
    }
}
