using Kaifong.Domain.Common;

namespace Kaifong.Domain.Scheduling;

/// <summary>The expected failures of scheduling, each with a stable API code and a localised message.</summary>
public static class SchedulingErrors
{
    public static readonly Error InvalidRule = new("activity.invalid_rrule", "Error.InvalidRule", Field: "rrule");
    public static readonly Error RuleTooFrequent = new("activity.rrule_too_frequent", "Error.RuleTooFrequent", Field: "rrule");
    public static readonly Error RuleTimeOfDay = new("activity.rrule_time_of_day", "Error.RuleTimeOfDay", Field: "rrule");
    public static readonly Error RuleUnbounded = new("activity.rrule_unbounded", "Error.RuleUnbounded", Field: "rrule", Args: [Recurrence.MaxOccurrences]);
    public static readonly Error RuleTooLong = new("activity.rrule_too_long", "Error.RuleTooLong", Field: "rrule", Args: [Recurrence.MaxOccurrences]);
    public static readonly Error RuleEmpty = new("activity.rrule_empty", "Error.RuleEmpty", Field: "rrule");
    public static readonly Error TitleRequired = new("validation", "Error.Required", Field: "title");
    public static readonly Error TitleTooLong = new("validation", "Error.TooLong", Field: "title", Args: [Limits.Name]);
    public static readonly Error VenueTooLong = new("validation", "Error.TooLong", Field: "venue", Args: [Limits.Venue]);
    public static readonly Error NotesTooLong = new("validation", "Error.TooLong", Field: "notes", Args: [Limits.Notes]);
    public static readonly Error StartRequired = new("validation", "Error.InvalidDateTime", Field: "start");
    public static readonly Error EndRequired = new("validation", "Error.InvalidDateTime", Field: "end");
    public static readonly Error EndBeforeStart = new("activity.end_before_start", "Error.EndBeforeStart", Field: "end");
    public static readonly Error TooLong = new("activity.too_long", "Error.ActivityTooLong", Field: "end");
    public static readonly Error UnknownDistrict = new("activity.unknown_district", "Error.UnknownDistrict", Field: "district");
    public static readonly Error ProgrammeRequired = new("programme.unknown", "Error.UnknownProgramme", Field: "programmeId");
    public static readonly Error UnknownActivityType = new("activity_type.unknown", "Error.UnknownActivityType", Field: "activityTypeId");
    public static readonly Error UnknownLead = new("activity.unknown_lead", "Error.UnknownLead", Field: "leadMembershipId");
    public static readonly Error InvalidDeadline = new("activity.invalid_deadline", "Error.InvalidDeadline", Field: "registrationDeadline");
    public static readonly Error ShiftsRequired = new("activity.shifts_required", "Error.ShiftsRequired", Field: "shifts");
    public static readonly Error TooManyShifts = new("activity.too_many_shifts", "Error.TooManyShifts", Field: "shifts", Args: [Limits.ShiftsPerOccurrence]);
    public static readonly Error RoleRequired = new("validation", "Error.Required", Field: "shifts.role");
    public static readonly Error RoleTooLong = new("validation", "Error.TooLong", Field: "shifts.role", Args: [Limits.Role]);
    public static readonly Error ShiftTime = new("shift.invalid_time", "Error.InvalidTime", Field: "shifts.start");
    public static readonly Error ShiftOutsideActivity = new("shift.outside_activity", "Error.ShiftOutsideActivity", Field: "shifts.start");
    public static readonly Error TimeSkipped = new("activity.time_skipped", "Error.TimeSkipped", Field: "start");
    public static readonly Error ShiftEndBeforeStart = new("shift.end_before_start", "Error.EndBeforeStart", Field: "shifts.end");
    public static readonly Error Headcount = new("shift.invalid_headcount", "Error.Headcount", Field: "shifts.minimum", Args: [Limits.Headcount]);
    public static readonly Error UnknownSkill = new("shift.unknown_skill", "Error.UnknownSkill", Field: "shifts.requiredSkills");
    public static readonly Error PastOccurrence = new("occurrence.past", "Error.PastOccurrence", ErrorKind.Conflict, "date");
    public static readonly Error UnknownOccurrence = new("not_found", "Error.NotFound", ErrorKind.NotFound, "date");
    public static readonly Error AlreadyCancelled = new("occurrence.cancelled", "Error.OccurrenceCancelled", ErrorKind.Conflict, "date");
    public static readonly Error ScopeNeedsDate = new("validation", "Error.ScopeNeedsDate", Field: "date");
    public static readonly Error UnknownScope = new("validation", "Error.UnknownScope", Field: "scope");
    public static readonly Error RuleChangeNeedsSeries = new("activity.not_series", "Error.NotSeries", Field: "rrule");
    public static readonly Error NameRequired = new("validation", "Error.Required", Field: "name");
    public static readonly Error NameTooLong = new("validation", "Error.TooLong", Field: "name", Args: [Limits.Name]);
    public static readonly Error ActivityTypeNameTaken = new("activity_type.name_taken", "Error.NameTaken", ErrorKind.Conflict, "name");
    public static readonly Error TemplateNameTaken = new("shift_template.name_taken", "Error.NameTaken", ErrorKind.Conflict, "name");
    public static readonly Error DaysRequired = new("validation", "Error.DaysRequired", Field: "days");
    public static readonly Error InvalidMonth = new("validation", "Error.InvalidMonth", Field: "month");
    public static readonly Error MonthHasNoDays = new("shift_template.no_days", "Error.MonthHasNoDays", ErrorKind.Conflict, "month");
    public static readonly Error AlreadyGenerated = new("shift_template.already_generated", "Error.AlreadyGenerated", ErrorKind.Conflict, "month");
    public static readonly Error FormInvalid = new("validation", "Error.FormInvalid", Field: "form");
    public static readonly Error StartInPast = new("activity.start_in_past", "Error.StartInPast", Field: "start");
    public static readonly Error MaximumBelowAssigned = new("shift.maximum_below_assigned", "Error.MaximumBelowAssigned", ErrorKind.Conflict, "shifts.maximum");
    public static readonly Error ScopeThisFields = new("validation", "Error.ScopeThisFields", Field: "scope");
    public static readonly Error InvalidDate = new("validation", "Error.InvalidDate", Field: "date");
    public static readonly Error InvalidRange = new("validation", "Error.InvalidRange", Field: "to");
}
