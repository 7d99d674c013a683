using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Data.Demo;

/// <summary>
/// A fictional Tsuen Wan neighbourhood centre with two programmes, staff and 80 volunteers, for demos and local
/// development. Every person, phone number and e-mail address is made up; the names come from a fixed seed, so
/// each run produces the same people (ids and stamps differ).
/// </summary>
public static class DemoSeeder
{
    public const string Slug = "tsuen-wan-centre";
    public const string Password = "Kaifong-demo-2026";
    public const string OrganisationName = "荃灣街坊綜合服務中心";
    public const string MealsProgramme = "長者送飯";
    public const string TutoringProgramme = "課後輔導";
    public const int VolunteerCount = 80;
    public const int PendingCount = 3;

    private const string Domain = "demo.kaifong.hk";
    private const string FirstAid = "急救證書";
    private const string Scrc = "性罪行定罪紀錄查核";
    private const string Driving = "駕駛執照";
    private const string Mandarin = "普通話";
    private const string English = "英語";
    private const string Cooking = "烹飪";

    /// <summary>The demo sign-ins (all with <see cref="Password"/>), for the README and the login page in development.</summary>
    public static IReadOnlyList<(string Email, string Role)> Logins { get; } =
    [
        ($"admin@{Domain}", "Admin"),
        ($"coordinator1@{Domain}", $"Coordinator ({MealsProgramme})"),
        ($"coordinator2@{Domain}", $"Coordinator ({TutoringProgramme})"),
        ($"lead1@{Domain}", $"Lead ({MealsProgramme})"),
        ($"lead2@{Domain}", $"Lead ({TutoringProgramme})"),
        ($"volunteer01@{Domain}", "Volunteer"),
        ($"volunteer02@{Domain}", "Volunteer (English)"),
        ($"volunteer05@{Domain}", "Volunteer (简体中文)"),
        ($"volunteer{VolunteerCount:00}@{Domain}", "Volunteer (pending approval)"),
    ];

    private static readonly string[] Surnames =
    [
        "陳", "陳", "陳", "李", "李", "張", "張", "黃", "黃", "何", "林", "吳", "劉", "梁", "鄭",
        "王", "楊", "周", "胡", "朱", "葉", "馮", "蔡", "曾", "羅", "麥", "袁", "鄧", "譚", "謝",
    ];

    private static readonly string[] GivenNames =
    [
        "嘉欣", "詠詩", "美玲", "淑儀", "慧敏", "秀英", "麗華", "月娥", "寶珠", "玉蘭", "嘉怡", "凱琳", "曉彤", "雅婷", "佩珊",
        "志明", "家豪", "偉強", "國華", "俊傑", "子軒", "浩然", "建業", "振邦", "錦輝", "達明", "永康", "文傑", "偉倫", "樂天",
        "少芬", "燕玲", "碧霞", "翠華", "婉婷", "穎欣", "卓謙", "梓晴", "天佑", "健朗",
    ];

    /// <summary>Hong Kong residents of South Asian and other origins, who read English more easily than Chinese.</summary>
    private static readonly string[] EnglishNames =
    [
        "Priya Gurung", "Anil Rai", "Sita Tamang", "Bishnu Limbu", "Muhammad Imran Khan",
        "Ayesha Bibi", "Hamza Ali", "Maria Santos", "Emily Chan", "Rahul Sharma",
    ];

    /// <summary>Newer arrivals from the mainland who prefer Simplified Chinese.</summary>
    private static readonly string[] SimplifiedNames = ["王丽华", "张伟", "刘晓燕", "赵建国", "孙晓梅"];

    /// <summary>Which volunteers (by number) speak English or Simplified Chinese: fixed, so the logins above stay true.</summary>
    private static readonly int[] EnglishAt = [2, 9, 17, 24, 31, 40, 46, 55, 63, 70];
    private static readonly int[] SimplifiedAt = [5, 12, 28, 48, 57];

    private static readonly string[] SelfDeclared = ["攝影", "電腦", "手語", "結他", "剪髮", "長者陪伴", "功課輔導", "社交媒體", "粵曲", "太極"];

    private static readonly District[] OtherDistricts =
        [District.TuenMun, District.YuenLong, District.ShaTin, District.KwunTong, District.YauTsimMong, District.Islands, District.WongTaiSin];

    /// <summary>Creates the demo organisation and its people, unless an organisation with <see cref="Slug"/> exists (then returns false).</summary>
    public static async Task<bool> SeedAsync(KaifongDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);

        if (await db.Organisations.AnyAsync(o => o.Slug == Slug, ct))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var zone = OrganisationRules.FindZone(OrganisationRules.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date);
        var random = new Random(2026);

        var org = new Organisation
        {
            Id = Ids.New(time),
            Name = OrganisationName,
            Slug = Slug,
            TimeZone = OrganisationRules.DefaultTimeZone,
            DefaultLanguage = Languages.ZhHk,
            CreatedAt = now,
        };
        var meals = new Programme { Id = Ids.New(time), OrganisationId = org.Id, Name = MealsProgramme, CreatedAt = now };
        var tutoring = new Programme { Id = Ids.New(time), OrganisationId = org.Id, Name = TutoringProgramme, CreatedAt = now };
        db.Organisations.Add(org);
        db.Programmes.AddRange(meals, tutoring);

        // Users left behind by an earlier demo organisation (deleted to reset the demo) are reused: e-mails are unique.
        var emails = Logins.Select(l => l.Email).Concat(Enumerable.Range(1, VolunteerCount).Select(VolunteerEmail))
            .Select(e => e.ToUpperInvariant()).Distinct().ToArray();
        var existing = await db.Users.Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
            .ToDictionaryAsync(u => u.NormalizedEmail!, ct);

        var passwordHash = new PasswordHasher<KaifongUser>().HashPassword(new KaifongUser(), Password);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var adminUserId = Guid.Empty;

        KaifongUser User(string email, string displayName, string language, District? district, params string[] selfDeclared)
        {
            var phone = NewPhone(random, phones);
            if (existing.TryGetValue(email.ToUpperInvariant(), out var found))
            {
                return found;
            }

            var user = new KaifongUser
            {
                Id = Ids.New(time),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                PhoneNumber = phone,
                LockoutEnabled = true,
                DisplayName = displayName,
                Language = language,
                District = district,
                CreatedAt = now,
            };
            foreach (var skill in selfDeclared.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                user.Skills.Add(new UserSkill { UserId = user.Id, Name = skill });
            }

            db.Users.Add(user);
            return user;
        }

        Membership Member(KaifongUser user, MemberRoles roles, bool pending, params Programme[] programmes)
        {
            var m = Membership.Join(Ids.New(time), org.Id, user.Id, roles, needsApproval: pending, invitationId: null, now);
            foreach (var p in programmes)
            {
                m.Programmes.Add(new MembershipProgramme { MembershipId = m.Id, ProgrammeId = p.Id });
            }

            db.Memberships.Add(m);
            return m;
        }

        void Skill(Membership m, string name, bool verified, DateOnly? expiresOn = null) =>
            db.MemberSkills.Add(new MemberSkill
            {
                Id = Ids.New(time),
                OrganisationId = org.Id,
                MembershipId = m.Id,
                Name = name,
                Verified = verified,
                ExpiresOn = expiresOn,
                VerifiedBy = verified ? adminUserId : null,
            });

        // Staff. The admin is 執行幹事; each coordinator runs one programme; each lead leads activities in one.
        var admin = User($"admin@{Domain}", "何詠詩", Languages.ZhHk, District.TsuenWan);
        adminUserId = admin.Id;
        Member(admin, MemberRoles.Admin, pending: false);

        var coordinator1 = User($"coordinator1@{Domain}", "梁志偉", Languages.ZhHk, District.TsuenWan);
        Member(coordinator1, MemberRoles.Coordinator, pending: false, meals);
        var coordinator2 = User($"coordinator2@{Domain}", "黃美琪", Languages.ZhHk, District.KwaiTsing, "功課輔導");
        Member(coordinator2, MemberRoles.Coordinator, pending: false, tutoring);

        var lead1 = User($"lead1@{Domain}", "張家豪", Languages.ZhHk, District.TsuenWan, Cooking);
        var lead1Membership = Member(lead1, MemberRoles.Lead | MemberRoles.Volunteer, pending: false, meals);
        Skill(lead1Membership, FirstAid, verified: true, today.AddDays(random.Next(200, 400)));
        Skill(lead1Membership, Driving, verified: true);

        var lead2 = User($"lead2@{Domain}", "林曉彤", Languages.ZhHk, District.ShamShuiPo, English);
        var lead2Membership = Member(lead2, MemberRoles.Lead | MemberRoles.Volunteer, pending: false, tutoring);
        Skill(lead2Membership, FirstAid, verified: true, today.AddDays(random.Next(200, 400)));
        Skill(lead2Membership, Scrc, verified: true);
        Skill(lead2Membership, English, verified: false);

        // Volunteers, mostly Cantonese speakers from the neighbourhood.
        var usedNames = new HashSet<string>(StringComparer.Ordinal) { "何詠詩", "梁志偉", "黃美琪", "張家豪", "林曉彤" };
        var englishNext = 0;
        var simplifiedNext = 0;

        for (var i = 1; i <= VolunteerCount; i++)
        {
            var pending = i > VolunteerCount - PendingCount;
            string name;
            string language;
            if (englishNext < EnglishNames.Length && EnglishAt[englishNext] == i)
            {
                name = EnglishNames[englishNext++];
                language = Languages.En;
            }
            else if (simplifiedNext < SimplifiedNames.Length && SimplifiedAt[simplifiedNext] == i)
            {
                name = SimplifiedNames[simplifiedNext++];
                language = Languages.ZhCn;
            }
            else
            {
                do
                {
                    name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
                }
                while (!usedNames.Add(name));

                language = Languages.ZhHk;
            }

            var district = PickDistrict(random);
            var declared = random.Next(4) == 0 ? new[] { SelfDeclared[random.Next(SelfDeclared.Length)] } : [];
            if (language == Languages.En)
            {
                declared = [.. declared, "English"];
            }

            var user = User(VolunteerEmail(i), name, language, district, declared);

            // About half deliver meals only, a third tutor only, the rest do both; the pending three cover each case.
            Programme[] programmes = pending
                ? (i % 3) switch { 0 => [meals], 1 => [tutoring], _ => [meals, tutoring] }
                : random.Next(100) switch { < 48 => [meals], < 82 => [tutoring], _ => [meals, tutoring] };
            var m = Member(user, MemberRoles.Volunteer, pending, programmes);
            if (pending)
            {
                continue;
            }

            var delivers = programmes.Contains(meals);
            var tutors = programmes.Contains(tutoring);

            // 急救證書: most hold one; a few have lapsed, two run out within the month.
            var firstAid = random.Next(100);
            if (firstAid < 45)
            {
                Skill(m, FirstAid, verified: true, today.AddDays(random.Next(45, 400)));
            }
            else if (firstAid < 57)
            {
                Skill(m, FirstAid, verified: true, today.AddDays(-random.Next(10, 300)));
            }
            else if (firstAid < 60)
            {
                Skill(m, FirstAid, verified: true, today.AddDays(random.Next(3, 28)));
            }

            // Everyone working with children has a verified Sexual Conviction Record Check, except two still waiting.
            if (tutors)
            {
                Skill(m, Scrc, verified: random.Next(12) != 0);
            }

            if (delivers && random.Next(4) == 0)
            {
                Skill(m, Driving, verified: true);
            }

            if (delivers && random.Next(5) == 0)
            {
                Skill(m, Cooking, verified: false);
            }

            if (language == Languages.ZhCn || random.Next(6) == 0)
            {
                Skill(m, Mandarin, verified: false);
            }

            if (language == Languages.En || (tutors && random.Next(4) == 0))
            {
                Skill(m, English, verified: false);
            }
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string VolunteerEmail(int i) => $"volunteer{i:00}@{Domain}";

    /// <summary>A unique, valid Hong Kong mobile number in E.164: +852 followed by 5xxx, 6xxx or 9xxx.</summary>
    private static string NewPhone(Random random, HashSet<string> used)
    {
        ReadOnlySpan<char> firstDigits = ['5', '6', '9', '9'];
        while (true)
        {
            var local = firstDigits[random.Next(firstDigits.Length)] + random.Next(0, 10_000_000).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
            var result = PhoneNumberRules.Normalise("+852" + local);
            if (result.IsSuccess && used.Add(result.Value!))
            {
                return result.Value!;
            }
        }
    }

    /// <summary>Mostly the centre's own neighbourhood and the districts next to it.</summary>
    private static District? PickDistrict(Random random) => random.Next(100) switch
    {
        < 42 => District.TsuenWan,
        < 66 => District.KwaiTsing,
        < 80 => District.ShamShuiPo,
        < 96 => OtherDistricts[random.Next(OtherDistricts.Length)],
        _ => null, // collect the minimum: some people do not say
    };
}
