using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>Activity types (活動類型) and shift templates (班次模板): what coordinators set up once and reuse.</summary>
public sealed class CatalogueCommands(KaifongDb db, TimeProvider time, ScheduleCommands schedule, ScheduleQueries queries)
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public Task<ActivityTypeDto[]> ActivityTypesAsync(Guid organisationId, CancellationToken ct) =>
        db.ActivityTypes.AsNoTracking().Where(t => t.OrganisationId == organisationId).OrderBy(t => t.Name)
            .Select(t => new ActivityTypeDto(t.Id, t.Name, t.RequiredSkills, t.Form)).ToArrayAsync(ct);

    /// <summary>Creates an activity type. Its required skills join the organisation's known skills.</summary>
    public async Task<(ActivityTypeDto? Value, IReadOnlyList<Error> Errors)> AddActivityTypeAsync(OrgContext org, ActivityTypeRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!org.Viewer.IsStaff)
        {
            return (null, [ScheduleCommands.Forbidden]);
        }

        var (name, errors) = ActivityTypeRules.ValidateName(input.Name);
        var list = errors.ToList();
        var skills = SkillRules.NormaliseNames(input.RequiredSkills ?? [], list);
        var (form, formErrors) = ActivityTypeRules.ValidateForm(input.Form);
        list.AddRange(formErrors);
        if (list.Count > 0)
        {
            return (null, list);
        }

        if (await db.ActivityTypes.AnyAsync(t => t.OrganisationId == org.Id && t.Name == name, ct))
        {
            return (null, [SchedulingErrors.ActivityTypeNameTaken]);
        }

        var type = new ActivityType { Id = Ids.New(time), OrganisationId = org.Id, Name = name!, RequiredSkills = [.. skills], Form = form!, CreatedAt = time.GetUtcNow() };
        db.ActivityTypes.Add(type);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, [SchedulingErrors.ActivityTypeNameTaken]);
        }

        return (new ActivityTypeDto(type.Id, type.Name, type.RequiredSkills, type.Form), []);
    }

    public async Task<ShiftTemplateDto[]> TemplatesAsync(OrgContext org, CancellationToken ct)
    {
        var scope = org.Viewer.Scope;
        var list = await db.ShiftTemplates.AsNoTracking().Where(t => t.OrganisationId == org.Id)
            .Where(t => scope == null || scope.Contains(t.ProgrammeId)).OrderBy(t => t.Name).ToListAsync(ct);
        return list.Select(ToDto).ToArray();
    }

    public async Task<(ShiftTemplateDto? Value, IReadOnlyList<Error> Errors)> AddTemplateAsync(OrgContext org, ShiftTemplateRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!org.Viewer.IsStaff)
        {
            return (null, [ScheduleCommands.Forbidden]);
        }

        var (name, nameErrors) = ActivityTypeRules.ValidateName(input.Name);
        var errors = nameErrors.ToList();
        var venue = ActivityRules.Text(input.Venue, Limits.Venue, null, SchedulingErrors.VenueTooLong, errors);
        var district = Districts.ParseOptional(input.District, errors, SchedulingErrors.UnknownDistrict);

        var days = new List<DayOfWeek>();
        foreach (var code in input.Days ?? [])
        {
            var i = Array.FindIndex(DayCodes, c => string.Equals(c, code?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                errors.Add(SchedulingErrors.DaysRequired);
                break;
            }

            if (!days.Contains((DayOfWeek)i))
            {
                days.Add((DayOfWeek)i);
            }
        }

        if (days.Count == 0)
        {
            errors.Add(SchedulingErrors.DaysRequired);
        }

        var start = ActivityRules.ParseTime(input.Start);
        var shifts = ActivityRules.ValidateShifts(
            [new ShiftInput(input.Role, input.Start, input.End, input.Minimum, input.Target, input.Maximum, input.RequiredSkills)],
            start ?? TimeOnly.MinValue, overnight: false, errors);
        if (input.ProgrammeId is not { } programmeId || !await db.Programmes.AnyAsync(p => p.Id == programmeId && p.OrganisationId == org.Id, ct))
        {
            errors.Add(SchedulingErrors.ProgrammeRequired);
        }
        else if (!ScheduleCommands.CanManage(org.Viewer, programmeId))
        {
            return (null, [ScheduleCommands.Forbidden]);
        }

        if (input.ActivityTypeId is { } typeId && typeId != Guid.Empty && !await db.ActivityTypes.AnyAsync(t => t.Id == typeId && t.OrganisationId == org.Id, ct))
        {
            errors.Add(SchedulingErrors.UnknownActivityType);
        }

        if (shifts.Count == 1 && shifts[0].RequiredSkills.Count > 0)
        {
            var known = await queries.KnownSkillsAsync(org.Id, ct);
            if (shifts[0].RequiredSkills.Any(s => !known.Contains(s)))
            {
                errors.Add(SchedulingErrors.UnknownSkill with { Args = [string.Join("、", shifts[0].RequiredSkills.Where(s => !known.Contains(s)))] });
            }
        }

        if (errors.Count > 0 || shifts.Count != 1)
        {
            return (null, errors.Distinct().ToList());
        }

        if (await db.ShiftTemplates.AnyAsync(t => t.OrganisationId == org.Id && t.Name == name, ct))
        {
            return (null, [SchedulingErrors.TemplateNameTaken]);
        }

        var template = new ShiftTemplate
        {
            Id = Ids.New(time), OrganisationId = org.Id, ProgrammeId = input.ProgrammeId!.Value,
            ActivityTypeId = input.ActivityTypeId == Guid.Empty ? null : input.ActivityTypeId, Name = name!, Venue = venue, District = district,
            Days = days, Shift = shifts[0], PrivacyMode = input.PrivacyMode ?? false, Outdoor = input.Outdoor ?? false, CreatedAt = time.GetUtcNow(),
        };
        db.ShiftTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, [SchedulingErrors.TemplateNameTaken]);
        }

        return (ToDto(template), []);
    }

    /// <summary>
    /// 一鍵產生: turns a template into a recurring activity covering <paramref name="month"/> (yyyy-MM), from today on when the
    /// month has begun; its shifts appear on the calendar at once.
    /// </summary>
    public async Task<(CreatedActivityDto? Value, IReadOnlyList<Error> Errors)> GenerateAsync(OrgContext org, Guid templateId, string? month, CancellationToken ct)
    {
        var template = await db.ShiftTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.OrganisationId == org.Id, ct);
        if (template is null)
        {
            return (null, [ScheduleCommands.NotFound]);
        }

        if (!ScheduleCommands.CanManage(org.Viewer, template.ProgrammeId))
        {
            return (null, [ScheduleCommands.Forbidden]);
        }

        if (month?.Trim() is not { Length: 7 } m || Dates.Parse(m + "-01") is not { } first)
        {
            return (null, [SchedulingErrors.InvalidMonth]);
        }

        // Today's shift has usually begun, or will soon: a month generated mid-month starts tomorrow.
        var tomorrow = ZonedTime.Today(time, org.Organisation.Zone).AddDays(1);
        if (template.RuleFor(first, tomorrow) is not { } rule)
        {
            return (null, [SchedulingErrors.MonthHasNoDays]);
        }

        var s = template.Shift;
        var (fromMinutes, toMinutes) = s.Minutes(s.Start, activityOvernight: false);
        var startLocal = rule.First.ToDateTime(TimeOnly.MinValue).AddMinutes(fromMinutes);

        // Pressing "generate" twice for the same month would double every shift: the first press stands.
        var canonical = Recurrence.Validate(rule.Rule, startLocal).Value;
        if (await db.Activities.AnyAsync(a => a.OrganisationId == org.Id && a.ProgrammeId == template.ProgrammeId && a.Title == template.Name
                && a.StartDate == rule.First && a.RRule == canonical, ct))
        {
            return (null, [SchedulingErrors.AlreadyGenerated]);
        }

        var input = new ActivityInput(
            template.Name, template.ProgrammeId, template.ActivityTypeId, template.Venue, template.District?.ToString(),
            startLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            startLocal.AddMinutes(toMinutes - fromMinutes).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            rule.Rule, null, template.PrivacyMode, template.Outdoor, null, null,
            [new ShiftInput(s.Role, s.Start.ToString("HH:mm"), s.End.ToString("HH:mm"), s.Minimum, s.Target, s.Maximum, s.RequiredSkills)]);
        return await schedule.CreateAsync(org, input, ct);
    }

    public static ShiftTemplateDto ToDto(ShiftTemplate t) =>
        new(t.Id, t.Name, t.ProgrammeId, t.ActivityTypeId, t.Venue, t.District?.ApiName(),
            t.Days.OrderBy(d => ((int)d + 6) % 7).Select(d => DayCodes[(int)d]).ToArray(),
            t.Shift.Start.ToString("HH:mm"), t.Shift.End.ToString("HH:mm"), t.Shift.Role, t.Shift.Minimum, t.Shift.Target, t.Shift.Maximum,
            t.Shift.RequiredSkills, t.PrivacyMode, t.Outdoor);
}
