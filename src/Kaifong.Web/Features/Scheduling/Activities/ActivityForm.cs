using System.Globalization;
using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Features.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using DataPattern = Ical.Net.DataTypes.RecurrencePattern;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>
/// The activity form as the browser posts it: every field a string, so no input can fail model binding; turned into
/// the API's <see cref="ActivityInput"/> / <see cref="ActivityPatch"/> and checked by the same commands the API uses.
/// </summary>
public sealed class ActivityForm
{
    public string? Title { get; set; }
    public string? ProgrammeId { get; set; }
    public string? ActivityTypeId { get; set; }
    public string? Venue { get; set; }
    public string? District { get; set; }
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Repeat { get; set; } = nameof(RecurrencePattern.Once);
    public List<string> Days { get; set; } = [];
    public string? Nth { get; set; } = "1";
    public string? Until { get; set; }
    public string? RRule { get; set; }
    public string? Deadline { get; set; } = "P0D";
    public string? PrivacyMode { get; set; }
    public string? Outdoor { get; set; }
    public string? LeadMembershipId { get; set; }
    public string? Notes { get; set; }

    /// <summary>This activity's confirmation window and late-cancellation cutoff in hours; empty = the organisation's.</summary>
    public string? ConfirmationHours { get; set; }
    public string? LateCancellationHours { get; set; }
    public List<ShiftRow> Shifts { get; set; } = [new()];

    /// <summary>Edit only: this / following / all.</summary>
    public string? Scope { get; set; }

    public bool Privacy => Checked(PrivacyMode);
    public bool IsOutdoor => Checked(Outdoor);

    public static bool Checked(string? value) => value is "true" or "on" or "True";

    public static Guid? Id(string? text) => Guid.TryParse(text?.Trim(), out var g) && g != Guid.Empty ? g : null;

    /// <summary>The activity's length from the form's start and end times, when both read as times and end after start.</summary>
    public int? Minutes => ActivityRules.ParseTime(StartTime) is { } s && ActivityRules.ParseTime(EndTime) is { } e && e > s
        ? (int)(e - s).TotalMinutes : null;

    public string? LocalStart => Local(Date, StartTime);
    public string? LocalEnd => Local(Date, EndTime);

    private static string? Local(string? date, string? time) =>
        Dates.Parse(date) is { } d
        && ActivityRules.ParseTime(time) is { } t
            ? d.ToDateTime(t).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : null;

    /// <summary>The rule: the advanced RRULE when given, else the plain-word pattern; "" means once (no rule).</summary>
    public string? Rule(List<Error> errors)
    {
        if (!string.IsNullOrWhiteSpace(RRule))
        {
            return RRule.Trim();
        }

        if (!Enum.TryParse<RecurrencePattern>(Repeat, out var pattern) || pattern is RecurrencePattern.Custom || !Enum.IsDefined(pattern))
        {
            errors.Add(SchedulingErrors.InvalidRule with { Field = "repeat" });
            return null;
        }

        if (pattern == RecurrencePattern.Once)
        {
            return "";
        }

        if (Dates.Parse(Date) is not { } first)
        {
            return null; // the date's own error says it
        }

        if (Dates.Parse(Until) is not { } until)
        {
            errors.Add(new Error("validation", "Activity.UntilRequired", Field: "until"));
            return null;
        }

        var days = new List<DayOfWeek>();
        foreach (var code in Days)
        {
            var i = Array.IndexOf(RepeatWords.Codes, code?.Trim().ToUpperInvariant());
            if (i < 0)
            {
                errors.Add(SchedulingErrors.DaysRequired with { Field = "repeat" });
                return null;
            }

            days.Add((DayOfWeek)i);
        }

        if (pattern == RecurrencePattern.Weekly && days.Count == 0)
        {
            errors.Add(SchedulingErrors.DaysRequired with { Field = "repeat" });
            return null;
        }

        var nth = int.TryParse(Nth, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4 or -1 ? n : 1;
        return RecurrencePatterns.Build(pattern, first, days.Distinct().ToList(), until, nth);
    }

    /// <summary>The shift rows as the API takes them; a headcount that is not a number is an error on its row.</summary>
    public List<ShiftInput> ShiftInputs(Dictionary<string, string> rowErrors, Func<Error, string> text)
    {
        var result = new List<ShiftInput>();
        for (var i = 0; i < Shifts.Count; i++)
        {
            var s = Shifts[i];
            int? Number(string? value, string field)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }

                if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= Limits.Headcount * 10)
                {
                    return v;
                }

                rowErrors[$"Input.Shifts[{i}].{field}"] = text(SchedulingErrors.Headcount);
                return -1;
            }

            result.Add(new ShiftInput(s.Role, s.Start, s.End, Number(s.Minimum, "Minimum"), Number(s.Target, "Target"), Number(s.Maximum, "Maximum"), s.SkillList));
        }

        return result;
    }

    public ActivityInput ToInput(string? rule, IReadOnlyList<ShiftInput> shifts) => new(
        Title, Id(ProgrammeId) ?? Guid.Empty, Id(ActivityTypeId), Venue, District, LocalStart ?? Date, LocalEnd ?? "",
        string.IsNullOrEmpty(rule) ? null : rule, Deadline, Privacy, IsOutdoor, Id(LeadMembershipId), Notes, shifts,
        Hours(ConfirmationHours), Hours(LateCancellationHours));

    /// <summary>A typed hour count; empty is "the organisation's"; anything not a whole number is out of range, so the rules name it.</summary>
    public static int? Hours(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MinValue;

    /// <summary>The form filled from an activity (for its edit page), at <paramref name="date"/> for "this" and "following".</summary>
    public static ActivityForm From(ActivityDto a, OccurrenceDto? occurrence, string scope)
    {
        var start = DateTime.Parse(a.Start, CultureInfo.InvariantCulture);
        var end = DateTime.Parse(a.End, CultureInfo.InvariantCulture);
        var form = new ActivityForm
        {
            Title = a.Title, ProgrammeId = a.ProgrammeId.ToString(), ActivityTypeId = a.ActivityTypeId?.ToString(), Venue = a.Venue,
            District = a.District is { } d && Districts.TryParse(d, out var district) ? district.ToString() : null,
            Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StartTime = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            EndTime = end.ToString("HH:mm", CultureInfo.InvariantCulture), Deadline = DeadlineChoice(a.RegistrationDeadline),
            PrivacyMode = a.PrivacyMode ? "true" : null, Outdoor = a.Outdoor ? "true" : null, LeadMembershipId = a.LeadMembershipId?.ToString(),
            Notes = a.Notes, Scope = scope,
            ConfirmationHours = a.ConfirmationHours?.ToString(CultureInfo.InvariantCulture), LateCancellationHours = a.LateCancellationHours?.ToString(CultureInfo.InvariantCulture),
            Shifts = a.Shifts.Select(s => new ShiftRow
            {
                Role = s.Role, Start = s.Start, End = s.End, Minimum = Num(s.Minimum), Target = Num(s.Target), Maximum = Num(s.Maximum),
                Skills = string.Join(", ", s.RequiredSkills),
            }).ToList(),
        };
        if (occurrence is not null)
        {
            if (scope == "following")
            {
                form.Date = occurrence.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else if (scope == "this")
            {
                form.Date = occurrence.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                form.StartTime = occurrence.Start.ToString("HH:mm", CultureInfo.InvariantCulture);
                form.EndTime = occurrence.End.ToString("HH:mm", CultureInfo.InvariantCulture);
                form.Venue = occurrence.Venue;
            }
        }

        RepeatWords.Fill(form, a.RRule);
        return form;
    }

    /// <summary>"開始前" is P0D; the API writes zero as PT0S.</summary>
    public static string DeadlineChoice(string? deadline) => deadline is null or "PT0S" ? "P0D" : deadline;

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}

public sealed class ShiftRow
{
    public string? Role { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Minimum { get; set; } = "1";
    public string? Target { get; set; } = "1";
    public string? Maximum { get; set; } = "1";
    public string? Skills { get; set; }

    public List<string> SkillList => SplitSkills(Skills);

    public static List<string> SplitSkills(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>What the activity form's selects offer: programmes in the viewer's scope, types, leads, known skills.</summary>
public sealed record ActivityChoices(IReadOnlyList<ProgrammeDto> Programmes, IReadOnlyList<ActivityTypeDto> Types, IReadOnlyList<MemberDto> Leads, IReadOnlyList<string> Skills)
{
    public static readonly string[] Deadlines = ["P0D", "P1D", "P2D", "P7D"];

    public static async Task<ActivityChoices> LoadAsync(
        OrgContext org, OrganisationCommands orgs, CatalogueCommands catalogue, MemberCommands members, ScheduleQueries queries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(org);
        var scope = org.Viewer.Scope;
        var programmes = (await orgs.ProgrammesAsync(org.Id, ct)).Where(p => scope is null || scope.Contains(p.Id)).ToArray();
        var leads = (await members.ListAsync(org, Domain.Members.MembershipStatus.Active, withContacts: false, ct))
            .Where(m => m.Roles.Any(r => r is "Lead" or "Coordinator" or "Admin")).ToArray();
        var skills = (await queries.KnownSkillsAsync(org.Id, ct)).Order(StringComparer.Ordinal).ToArray();
        return new ActivityChoices(programmes, await catalogue.ActivityTypesAsync(org.Id, ct), leads, skills);
    }
}

/// <summary>Puts the API's errors beside the form's fields (their names are the API's: "shifts.role", "rrule", "end"…).</summary>
public static class FormErrors
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "Title", ["programmeId"] = "ProgrammeId", ["activityTypeId"] = "ActivityTypeId", ["venue"] = "Venue",
        ["district"] = "District", ["notes"] = "Notes", ["leadMembershipId"] = "LeadMembershipId", ["registrationDeadline"] = "Deadline",
        ["confirmationHours"] = "ConfirmationHours", ["lateCancellationHours"] = "LateCancellationHours",
        ["start"] = "StartTime", ["end"] = "EndTime", ["date"] = "Date", ["repeat"] = "Repeat", ["until"] = "Until", ["scope"] = "Scope",
        ["shifts"] = "Shifts", ["name"] = "Name", ["days"] = "Days", ["form"] = "Questions", ["requiredSkills"] = "Skills", ["month"] = "Month", ["skills"] = "Shifts",
        ["role"] = "Role", ["minimum"] = "Minimum", ["maximum"] = "Maximum", ["target"] = "Target",
    };

    /// <summary>The form key for an API field; <paramref name="rrule"/> says where rule errors go (the pattern or the raw field).</summary>
    public static string Key(string? field, string rrule = "Input.Repeat")
    {
        if (field is null)
        {
            return "";
        }

        if (field == "rrule")
        {
            return rrule;
        }

        return Fields.TryGetValue(field, out var key) ? $"Input.{key}" : "";
    }

    /// <summary>
    /// Shift errors go on the row they belong to: each row is checked alone by the same rule (the API's errors carry no index);
    /// unknown skills go on the rows that name them.
    /// </summary>
    public static void AddShiftErrors(ModelStateDictionary state, IEnumerable<Error> errors, ActivityForm form, IReadOnlyCollection<string> knownSkills,
        Func<Error, string> text, TimeOnly activityStart)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(form);
        foreach (var e in errors)
        {
            var field = e.Field!["shifts.".Length..];
            var placed = false;
            for (var i = 0; i < form.Shifts.Count; i++)
            {
                var row = form.Shifts[i];
                var own = new List<Error>();
                if (e.Code == SchedulingErrors.UnknownSkill.Code)
                {
                    if (row.SkillList.Any(s => !knownSkills.Contains(s, StringComparer.OrdinalIgnoreCase)))
                    {
                        own.Add(e);
                    }
                }
                else
                {
                    ActivityRules.ValidateShifts(
                        [new ShiftInput(row.Role, row.Start, row.End, Parse(row.Minimum), Parse(row.Target), Parse(row.Maximum), row.SkillList)],
                        activityStart, overnight: false, own, form.Minutes);
                }

                if (own.Any(o => o.Field == e.Field))
                {
                    state.AddModelError($"Input.Shifts[{i}].{Row(field)}", text(e));
                    placed = true;
                }
            }

            if (!placed)
            {
                state.AddModelError("Input.Shifts", text(e));
            }
        }
    }

    /// <summary>The message beside a field (its id is <paramref name="id"/>-error, for aria-describedby), or nothing.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Beside(ModelStateDictionary state, string key, string id)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? new Microsoft.AspNetCore.Html.HtmlString(
                $"<div class=\"invalid-feedback d-block\" id=\"{id}-error\">{System.Net.WebUtility.HtmlEncode(entry.Errors[0].ErrorMessage)}</div>")
            : Microsoft.AspNetCore.Html.HtmlString.Empty;
    }

    private static string Row(string field) => field switch
    {
        "role" => "Role",
        "start" => "Start",
        "end" => "End",
        "minimum" or "target" or "maximum" => "Minimum",
        _ => "Skills",
    };

    private static int? Parse(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>A rule in plain words ("每週一至五，直至 2026年12月31日"), and a rule read back into the form's pattern.</summary>
public static class RepeatWords
{
    public static readonly string[] Codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>Monday first, as HK calendars show the week.</summary>
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayName(DayOfWeek d) =>
        Localisation.CurrentLanguage == Languages.En ? CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(d)
            : CultureInfo.CurrentCulture.DateTimeFormat.GetShortestDayName(d);

    private sealed record Parsed(RecurrencePattern Pattern, List<DayOfWeek> Days, int Nth, DateOnly? Until, int? Count);

    private static Parsed? Parse(string? rrule)
    {
        if (string.IsNullOrWhiteSpace(rrule))
        {
            return new Parsed(RecurrencePattern.Once, [], 1, null, null);
        }

        DataPattern p;
        try
        {
            p = new DataPattern(rrule);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            return null;
        }

        if (p.ByMonth.Count + p.ByMonthDay.Count + p.ByYearDay.Count + p.ByWeekNo.Count + p.BySetPosition.Count + p.ByHour.Count + p.ByMinute.Count + p.BySecond.Count > 0)
        {
            return null;
        }

        var until = p.Until is { } u ? DateOnly.FromDateTime(u.Value) : (DateOnly?)null;
        var days = p.ByDay.Where(d => d.Offset is null).Select(d => d.DayOfWeek).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        var pattern = (p.Frequency, p.Interval) switch
        {
            (Ical.Net.FrequencyType.Daily, 1) when p.ByDay.Count == 0 => RecurrencePattern.Daily,
            (Ical.Net.FrequencyType.Weekly, 1) when days.Count == 5 && !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday) => RecurrencePattern.Weekdays,
            (Ical.Net.FrequencyType.Weekly, 1) when days.Count > 0 && days.Count == p.ByDay.Count => RecurrencePattern.Weekly,
            (Ical.Net.FrequencyType.Weekly, 2) when days.Count > 0 && days.Count == p.ByDay.Count => RecurrencePattern.EveryTwoWeeks,
            (Ical.Net.FrequencyType.Monthly, 1) when p.ByDay.Count == 1 && p.ByDay[0].Offset is 1 or 2 or 3 or 4 or -1 => RecurrencePattern.MonthlyNthWeekday,
            _ => RecurrencePattern.Custom,
        };
        return pattern == RecurrencePattern.Custom ? null
            : new Parsed(pattern, pattern == RecurrencePattern.MonthlyNthWeekday ? [p.ByDay[0].DayOfWeek] : days, p.ByDay.FirstOrDefault()?.Offset ?? 1, until, p.Count);
    }

    /// <summary>Sets the form's pattern fields from a rule; a rule the patterns cannot say goes in the advanced field.</summary>
    public static void Fill(ActivityForm form, string? rrule)
    {
        ArgumentNullException.ThrowIfNull(form);
        var parsed = Parse(rrule);
        if (parsed is null || (parsed.Pattern != RecurrencePattern.Once && parsed.Until is null))
        {
            form.Repeat = nameof(RecurrencePattern.Weekly);
            form.RRule = rrule;
            return;
        }

        form.Repeat = parsed.Pattern.ToString();
        form.Days = parsed.Days.Select(d => Codes[(int)d]).ToList();
        form.Nth = parsed.Nth.ToString(CultureInfo.InvariantCulture);
        form.Until = parsed.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The same rule? (Ical.Net's canonical text on both sides.)</summary>
    public static bool Same(string? a, string? b)
    {
        static string Canonical(string? r)
        {
            if (string.IsNullOrWhiteSpace(r))
            {
                return "";
            }

            try
            {
                return new DataPattern(r.Trim()).ToString() ?? r;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
            {
                return r;
            }
        }

        return Canonical(a) == Canonical(b);
    }

    /// <summary>Weekday codes (MO…SU) in words: 每週一至五, 每週一、三、五.</summary>
    public static string DescribeDays(IReadOnlyCollection<string> codes, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var days = Week.Where(d => codes.Contains(Codes[(int)d])).ToList();
        return days.Count == 5 && !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday)
            ? l["Repeat.Weekdays"]
            : l["Repeat.WeeklyOn", string.Join(Localisation.CurrentLanguage == Languages.En ? ", " : "、", days.Select(DayName))];
    }

    /// <summary>The rule in the reader's words.</summary>
    public static string Describe(string? rrule, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var p = Parse(rrule);
        if (p is null)
        {
            return l["Repeat.CustomRule", rrule ?? ""];
        }

        var zh = Localisation.CurrentLanguage != Languages.En;
        var list = string.Join(zh ? "、" : ", ", p.Days.Select(DayName));
        var words = p.Pattern switch
        {
            RecurrencePattern.Once => l["Repeat.Once"].Value,
            RecurrencePattern.Daily => l["Repeat.Daily"].Value,
            RecurrencePattern.Weekdays => l["Repeat.Weekdays"].Value,
            RecurrencePattern.Weekly => l["Repeat.WeeklyOn", list].Value,
            RecurrencePattern.EveryTwoWeeks => l["Repeat.EveryTwoWeeksOn", list].Value,
            _ => l["Repeat.MonthlyOn", l[$"Repeat.Nth{(p.Nth < 0 ? "Last" : p.Nth.ToString(CultureInfo.InvariantCulture))}"].Value,
                CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(p.Days[0])].Value,
        };
        if (p.Until is { } until)
        {
            words += l["Repeat.UntilDate", until.ToString("d", CultureInfo.CurrentCulture)];
        }
        else if (p.Count is { } count)
        {
            words += l["Repeat.Times", count];
        }

        return words;
    }
}
