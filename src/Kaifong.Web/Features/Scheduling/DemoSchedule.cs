using Kaifong.Data;
using Kaifong.Data.Demo;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>
/// The demo centre's schedule, made through the same commands a coordinator's clicks use: activity types, the two
/// programmes' shift templates generated for this month and next, a monthly community dinner (每月第一個星期六), and
/// volunteers on some of the shifts, so the calendar shows gaps in red beside filled shifts.
/// </summary>
public sealed class DemoSchedule(KaifongDb db, TimeProvider time, CatalogueCommands catalogue, ScheduleCommands schedule)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == DemoSeeder.Slug, ct);
        if (org is null || await db.Activities.AnyAsync(a => a.OrganisationId == org.Id, ct))
        {
            return;
        }

        var admin = await db.Memberships.Include(m => m.Programmes)
            .FirstAsync(m => m.OrganisationId == org.Id && (m.Roles & MemberRoles.Admin) != 0, ct);
        var context = new OrgContext(org, admin, Viewer.Of(admin));
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == org.Id).ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var meals = programmes[DemoSeeder.MealsProgramme];
        var tutoring = programmes[DemoSeeder.TutoringProgramme];

        var frontline = (await catalogue.AddActivityTypeAsync(context, new ActivityTypeRequest("前線服務", [],
            [new FormFieldInput("有冇長期病患或食物敏感需要我哋留意？", "Text", false, null)]), ct)).Value!;
        var children = (await catalogue.AddActivityTypeAsync(context, new ActivityTypeRequest("兒童服務", ["性罪行定罪紀錄查核"], []), ct)).Value!;
        await catalogue.AddActivityTypeAsync(context, new ActivityTypeRequest("行政支援", [], []), ct);

        var templates = new[]
        {
            (await catalogue.AddTemplateAsync(context, new ShiftTemplateRequest("送飯上午班", meals, frontline.Id, "荃灣沙咀道中心廚房", "TsuenWan",
                ["MO", "TU", "WE", "TH", "FR"], "09:00", "12:00", "送飯", 2, 4, 4, [], false, true), ct)).Value!,
            (await catalogue.AddTemplateAsync(context, new ShiftTemplateRequest("送飯司機", meals, frontline.Id, "荃灣沙咀道中心廚房", "TsuenWan",
                ["MO", "WE", "FR"], "09:30", "12:00", "司機", 1, 1, 1, ["駕駛執照"], false, true), ct)).Value!,
            (await catalogue.AddTemplateAsync(context, new ShiftTemplateRequest("功課輔導班", tutoring, children.Id, "荃灣兒童中心 2 樓", "TsuenWan",
                ["MO", "WE", "FR"], "16:00", "18:00", "導師", 2, 3, 3, [], true, false), ct)).Value!,
        };
        var today = ZonedTime.Today(time, org.Zone);
        foreach (var month in new[] { today, today.AddMonths(1) })
        {
            foreach (var t in templates)
            {
                await catalogue.GenerateAsync(context, t.Id, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), ct);
            }
        }

        var firstSaturday = NextFirstSaturday(today);
        var dinner = RecurrencePatterns.Build(RecurrencePattern.MonthlyNthWeekday, firstSaturday, [], today.AddMonths(6));
        await schedule.CreateAsync(context, new ActivityInput("每月社區飯局", meals, frontline.Id, "荃灣街坊綜合服務中心禮堂", "TsuenWan",
            $"{firstSaturday:yyyy-MM-dd}T17:00", $"{firstSaturday:yyyy-MM-dd}T21:00", dinner, "P2D", false, false, null, "與區內長者一同晚飯，請穿著中心背心。",
            [new ShiftInput("場地佈置", "17:00", "18:00", 2, 4, 5, []), new ShiftInput("樓面", "18:00", "21:00", 4, 6, 8, []),
             new ShiftInput("急救員", "17:30", "21:00", 1, 1, 1, ["急救證書"])]), ct);

        await AssignAsync(org.Id, org.Zone, ct);
        await AvailabilityAsync(org.Id, ct);
        await SubstituteAsync(org.Id, ct);
    }

    /// <summary>Most volunteers have filled in a usual week (two to five day parts), so "who can fill this" has something to rank by.</summary>
    private async Task AvailabilityAsync(Guid organisationId, CancellationToken ct)
    {
        var random = new Random(2027);
        var parts = new (TimeOnly From, TimeOnly To)[] { (new(8, 0), new(13, 0)), (new(13, 0), new(18, 0)), (new(18, 0), new(22, 0)) };
        var volunteers = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Status == MembershipStatus.Active && m.Roles == MemberRoles.Volunteer)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync(ct);
        foreach (var id in volunteers.Where(_ => random.Next(4) > 0))
        {
            var chosen = Enumerable.Range(0, 21).OrderBy(_ => random.Next()).Take(random.Next(2, 6));
            foreach (var n in chosen)
            {
                db.AvailabilitySlots.Add(new Domain.Signups.AvailabilitySlot
                {
                    Id = Ids.New(time), OrganisationId = organisationId, MembershipId = id, DayOfWeek = (DayOfWeek)(n / 3),
                    From = parts[n % 3].From, To = parts[n % 3].To,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>One volunteer has asked for a substitute for a shift next week, so the 替班 list and the offer on the shift page have an example.</summary>
    private async Task SubstituteAsync(Guid organisationId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var held = await (
                from s in db.Signups.AsNoTracking()
                join sh in db.Shifts.AsNoTracking() on s.ShiftId equals sh.Id
                where s.OrganisationId == organisationId && s.Status == SignupStatus.Confirmed
                select new { s.Id, s.ShiftId, s.MembershipId, s.Status, sh.Start })
            .ToListAsync(ct);
        var place = held.Where(h => h.Start > now.AddDays(3)).OrderBy(h => h.Start).FirstOrDefault();
        if (place is null)
        {
            return;
        }

        var asked = Domain.Signups.SubstituteRequest.Ask(Ids.New(time), organisationId, place.ShiftId, place.Id, place.MembershipId, place.Status, false, place.Start, now);
        db.SubstituteRequests.Add(asked.Value!);
        var onShift = held.Where(h => h.ShiftId == place.ShiftId).Select(h => h.MembershipId).ToHashSet();
        var others = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Status == MembershipStatus.Active && m.Roles == MemberRoles.Volunteer)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(20).ToListAsync(ct);
        foreach (var id in others.Where(o => !onShift.Contains(o)).Take(6))
        {
            db.SubstituteOffers.Add(new Domain.Signups.SubstituteOffer { Id = Ids.New(time), OrganisationId = organisationId, RequestId = asked.Value!.Id, MembershipId = id, CreatedAt = now });
        }

        await db.SaveChangesAsync(ct);
    }

    private static DateOnly NextFirstSaturday(DateOnly today)
    {
        for (var month = new DateOnly(today.Year, today.Month, 1); ; month = month.AddMonths(1))
        {
            var d = month;
            while (d.DayOfWeek != DayOfWeek.Saturday)
            {
                d = d.AddDays(1);
            }

            if (d > today)
            {
                return d;
            }
        }
    }

    /// <summary>Puts volunteers on about two thirds of the places, at most one shift a day each, so some shifts stay Gap or Short.</summary>
    private async Task AssignAsync(Guid organisationId, TimeZoneInfo zone, CancellationToken ct)
    {
        var random = new Random(2026);
        var volunteers = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Status == MembershipStatus.Active && m.Roles == MemberRoles.Volunteer)
            .Select(m => new { m.Id, m.UserId }).ToListAsync(ct);
        var skills = (await db.MemberSkills.AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .Select(s => new { s.MembershipId, s.Name, s.Verified, s.ExpiresOn }).ToListAsync(ct))
            .ToLookup(s => s.MembershipId, s => new HeldSkill(s.Name, s.Verified, s.ExpiresOn));
        var shifts = await db.Shifts.Where(s => s.OrganisationId == organisationId && !s.Cancelled).OrderBy(s => s.Start).ToListAsync(ct);
        var busy = new HashSet<(Guid, DateOnly)>();
        var now = time.GetUtcNow();
        foreach (var shift in shifts)
        {
            var day = DateOnly.FromDateTime(ZonedTime.ToLocal(shift.Start, zone));
            var wanted = random.Next(100) switch { < 15 => 0, < 35 => shift.Minimum, < 70 => shift.Target, _ => shift.Maximum };
            foreach (var v in volunteers.OrderBy(_ => random.Next()))
            {
                if (shift.Assigned >= wanted)
                {
                    break;
                }

                if (busy.Contains((v.Id, day)) || Eligibility.MissingSkills(shift.RequiredSkills, skills[v.Id], day).Count > 0)
                {
                    continue;
                }

                busy.Add((v.Id, day));
                var confirmed = random.Next(3) > 0;
                db.Signups.Add(new Signup
                {
                    Id = Ids.New(time), OrganisationId = organisationId, ShiftId = shift.Id, MembershipId = v.Id, UserId = v.UserId,
                    Status = confirmed ? SignupStatus.Confirmed : SignupStatus.Assigned, CreatedAt = now, UpdatedAt = now,
                });
                shift.Assigned++;
                shift.Confirmed += confirmed ? 1 : 0;
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
