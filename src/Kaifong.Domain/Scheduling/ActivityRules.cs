using System.Globalization;
using System.Xml;
using Kaifong.Domain.Common;
using Kaifong.Domain.People;

namespace Kaifong.Domain.Scheduling;

/// <summary>An activity as the API and the form send it; times are local to the organisation.</summary>
public sealed record ActivityInput(
    string? Title, Guid? ProgrammeId, Guid? ActivityTypeId, string? Venue, string? District, string? Start, string? End,
    string? RRule, string? RegistrationDeadline, bool? PrivacyMode, bool? Outdoor, Guid? LeadMembershipId, string? Notes,
    IReadOnlyList<ShiftInput>? Shifts, int? ConfirmationHours = null, int? LateCancellationHours = null);

public sealed record ShiftInput(string? Role, string? Start, string? End, int? Minimum, int? Target, int? Maximum, IReadOnlyList<string>? RequiredSkills);

/// <summary>An activity whose every field has been checked; references (programme, type, lead, skills) are checked against the database by the caller.</summary>
public sealed record ValidActivity(
    string Title, Guid ProgrammeId, Guid? ActivityTypeId, string? Venue, District? District, DateTime Start, int DurationMinutes,
    string? RRule, int? RegistrationDeadlineMinutes, bool PrivacyMode, bool Outdoor, Guid? LeadMembershipId, string? Notes,
    IReadOnlyList<ShiftDefinition> Shifts, int? ConfirmationHours = null, int? LateCancellationHours = null)
{
    public IEnumerable<string> AllSkills => Shifts.SelectMany(s => s.RequiredSkills).Distinct(StringComparer.OrdinalIgnoreCase);
}

public static class ActivityRules
{
    /// <summary>How far ahead occurrences of a series exist as rows (the rolling window); a worker moves it on each day.</summary>
    public const int WindowDays = 92;

    public const int MaxDeadlineDays = 90;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static (ValidActivity? Value, IReadOnlyList<Error> Errors) Validate(ActivityInput input, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        var title = Text(input.Title, Limits.Name, SchedulingErrors.TitleRequired, SchedulingErrors.TitleTooLong, errors);
        var venue = Text(input.Venue, Limits.Venue, null, SchedulingErrors.VenueTooLong, errors);
        var notes = Text(input.Notes, Limits.Notes, null, SchedulingErrors.NotesTooLong, errors, multiline: true);
        if (input.ProgrammeId is null || input.ProgrammeId == Guid.Empty)
        {
            errors.Add(SchedulingErrors.ProgrammeRequired);
        }

        var district = Districts.ParseOptional(input.District, errors, SchedulingErrors.UnknownDistrict);

        var start = ParseLocal(input.Start, zone);
        var end = ParseLocal(input.End, zone);
        if (start is null)
        {
            errors.Add(SchedulingErrors.StartRequired);
        }

        if (end is null)
        {
            errors.Add(SchedulingErrors.EndRequired);
        }

        // A time the clocks skip (02:30 on a spring-forward day) names no moment: say so rather than guess. Later dates
        // of a series that fall on such a day keep the shift's length instead (ZonedTime.Span).
        if (start is { } s && ZonedTime.IsSkipped(s, zone))
        {
            errors.Add(SchedulingErrors.TimeSkipped with { Field = "start", Args = [s.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)] });
            start = null;
        }

        if (end is { } e2 && ZonedTime.IsSkipped(e2, zone))
        {
            errors.Add(SchedulingErrors.TimeSkipped with { Field = "end", Args = [e2.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)] });
            end = null;
        }

        var duration = 0;
        if (start is not null && end is not null)
        {
            duration = (int)(end.Value - start.Value).TotalMinutes;
            if (duration <= 0)
            {
                errors.Add(SchedulingErrors.EndBeforeStart);
            }
            else if (duration > 24 * 60)
            {
                errors.Add(SchedulingErrors.TooLong);
            }
        }

        string? rule = null;
        if (!string.IsNullOrWhiteSpace(input.RRule) && start is not null)
        {
            var checkedRule = Recurrence.Validate(input.RRule, start.Value);
            if (checkedRule.Error is { } e)
            {
                errors.Add(e);
            }
            else
            {
                rule = checkedRule.Value;
            }
        }

        var deadline = ParseDeadline(input.RegistrationDeadline, errors);

        // The activity's own confirmation window and late-cancellation cutoff, over the organisation's (null = theirs).
        errors.AddRange(new Signups.FillingPolicy(null, null, 0, input.ConfirmationHours, input.LateCancellationHours).Validate());
        var shifts = start is not null && duration > 0
            ? ValidateShifts(input.Shifts, TimeOnly.FromDateTime(start.Value), DateOnly.FromDateTime(start.Value) != DateOnly.FromDateTime(end!.Value), errors, duration)
            : [];
        return errors.Count > 0
            ? (null, errors.Distinct().ToList())
            : (new ValidActivity(title!, input.ProgrammeId!.Value, input.ActivityTypeId == Guid.Empty ? null : input.ActivityTypeId, venue, district,
                start!.Value, duration, rule, deadline, input.PrivacyMode ?? false, input.Outdoor ?? false,
                input.LeadMembershipId == Guid.Empty ? null : input.LeadMembershipId, notes, shifts, input.ConfirmationHours, input.LateCancellationHours), errors);
    }

    /// <summary>
    /// Checks shift definitions. With <paramref name="activityMinutes"/> (the activity's length), every shift must lie
    /// within the activity's hours.
    /// </summary>
    public static IReadOnlyList<ShiftDefinition> ValidateShifts(
        IReadOnlyList<ShiftInput>? input, TimeOnly activityStart, bool overnight, List<Error> errors, int? activityMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (input is null || input.Count == 0)
        {
            errors.Add(SchedulingErrors.ShiftsRequired);
            return [];
        }

        if (input.Count > Limits.ShiftsPerOccurrence)
        {
            errors.Add(SchedulingErrors.TooManyShifts);
            return [];
        }

        var result = new List<ShiftDefinition>();
        foreach (var s in input)
        {
            if (s is null)
            {
                errors.Add(SchedulingErrors.RoleRequired);
                continue;
            }

            var role = Text(s.Role, Limits.Role, SchedulingErrors.RoleRequired, SchedulingErrors.RoleTooLong, errors);
            var from = ParseTime(s.Start);
            var to = ParseTime(s.End);
            if (from is null || to is null)
            {
                errors.Add(SchedulingErrors.ShiftTime);
                continue;
            }

            if (to == from || (to < from && !overnight))
            {
                errors.Add(SchedulingErrors.ShiftEndBeforeStart);
                continue;
            }

            if (activityMinutes is { } length)
            {
                var (fromMinutes, toMinutes) = new ShiftDefinition("", from.Value, to.Value, 0, 0, 0, []).Minutes(activityStart, overnight);
                var startMinutes = (int)activityStart.ToTimeSpan().TotalMinutes;
                if (fromMinutes < startMinutes || toMinutes > startMinutes + length)
                {
                    errors.Add(SchedulingErrors.ShiftOutsideActivity);
                    continue;
                }
            }

            var target = s.Target ?? s.Minimum ?? 1;
            var minimum = s.Minimum ?? Math.Min(1, target);
            var maximum = s.Maximum ?? target;
            if (minimum < 0 || target < minimum || maximum < target || maximum < 1 || maximum > Limits.Headcount)
            {
                errors.Add(SchedulingErrors.Headcount);
                continue;
            }

            var skills = SkillRules.NormaliseNames(s.RequiredSkills ?? [], errors);
            if (skills.Count > Limits.RequiredSkills)
            {
                errors.Add(SchedulingErrors.UnknownSkill);
                continue;
            }

            if (role is not null)
            {
                result.Add(new ShiftDefinition(role, from.Value, to.Value, minimum, target, maximum, skills));
            }
        }

        return result;
    }

    /// <summary>Local date-time "2026-12-01T09:00"; a value with an offset is converted into the organisation's zone.</summary>
    public static DateTime? ParseLocal(string? text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 40)
        {
            return null;
        }

        if (DateTime.TryParseExact(t, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local.Year is < 2000 or > 2100 ? null : DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }

        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && instant.Year is >= 2000 and <= 2100
            && t.Contains('T', StringComparison.Ordinal)
            ? ZonedTime.ToLocal(instant, zone)
            : null;
    }

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>ISO 8601 duration before the start ("P2D", "PT12H"), up to <see cref="MaxDeadlineDays"/> days.</summary>
    public static int? ParseDeadline(string? text, List<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var span = XmlConvert.ToTimeSpan(text.Trim());
            if (span >= TimeSpan.Zero && span <= TimeSpan.FromDays(MaxDeadlineDays))
            {
                return (int)span.TotalMinutes;
            }
        }
        catch (FormatException)
        {
        }
        catch (OverflowException)
        {
        }

        errors.Add(SchedulingErrors.InvalidDeadline);
        return null;
    }

    public static string? FormatDeadline(int? minutes) =>
        minutes is { } m ? XmlConvert.ToString(TimeSpan.FromMinutes(m)) : null;

    /// <summary>Text by the one rule (<see cref="FreeText"/>); null when empty. <paramref name="whenMissing"/> null means optional.</summary>
    public static string? Text(string? value, int max, Error? whenMissing, Error tooLong, List<Error> errors, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(tooLong);
        return FreeText.Check(value, max, tooLong.Field ?? "text", errors, whenMissing, tooLong, multiline);
    }
}
