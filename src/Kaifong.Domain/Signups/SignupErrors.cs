using Kaifong.Domain.Common;

namespace Kaifong.Domain.Signups;

/// <summary>
/// The expected failures of filling shifts, each with a stable API code and a localised message.
/// One code may have several messages (e.g. <c>signup.over_limit</c> for the week and for the month) so the person reads
/// what is wrong while an integration keys on the code.
/// </summary>
public static class SignupErrors
{
    /// <summary>The move is not in <see cref="SignupMoves"/>' table (most often: someone else changed the sign-up first).</summary>
    public static readonly Error InvalidMove = new("signup.invalid_move", "Error.SignupInvalidMove", ErrorKind.Conflict);

    /// <summary>The same code when the sign-up was already cancelled or declined: "cancelling twice" reads plainly.</summary>
    public static readonly Error AlreadyCancelled = new("signup.invalid_move", "Error.SignupAlreadyCancelled", ErrorKind.Conflict);

    /// <summary>The same code when attendance is already recorded (checked in, completed, no-show).</summary>
    public static readonly Error AlreadyAttended = new("signup.invalid_move", "Error.SignupAlreadyAttended", ErrorKind.Conflict);

    public static readonly Error Full = new("signup.full", "Error.SignupFull", ErrorKind.Conflict);

    /// <summary>Says there is a clash, never whose shift or which organisation's.</summary>
    public static readonly Error Overlap = new("signup.overlap", "Error.SignupOverlap", ErrorKind.Conflict);

    public static Error Rest(int minutes) => new("signup.rest", "Error.SignupRest", ErrorKind.Conflict, Args: [minutes]);

    public static Error WeeklyLimit(int limit) => new("signup.over_limit", "Error.SignupWeeklyLimit", ErrorKind.Conflict, Args: [limit]);

    public static Error MonthlyLimit(int limit) => new("signup.over_limit", "Error.SignupMonthlyLimit", ErrorKind.Conflict, Args: [limit]);

    public static readonly Error OverrideReasonRequired = new("validation", "Error.OverrideReasonRequired", Field: "reason");

    public static readonly Error OverrideReasonTooLong = new("validation", "Error.TooLong", Field: "reason", Args: [Limits.AuditDetail]);

    public static readonly Error MembershipInactive = new("signup.not_eligible", "Error.MembershipInactive", ErrorKind.Forbidden);

    public static Error MissingSkill(string skill) => new("signup.not_eligible", "Error.MissingSkill", ErrorKind.Forbidden, Args: [skill]);

    public static Error TooYoung(int minimumAge) => new("signup.not_eligible", "Error.TooYoung", ErrorKind.Forbidden, Args: [minimumAge]);

    public static Error AgeUnknown(int minimumAge) => new("signup.not_eligible", "Error.AgeUnknown", ErrorKind.Forbidden, Args: [minimumAge]);

    public static readonly Error DeadlinePassed = new("signup.deadline_passed", "Error.RegistrationClosed", ErrorKind.Conflict);

    public static readonly Error Started = new("signup.started", "Error.ShiftStarted", ErrorKind.Conflict);

    public static readonly Error ShiftCancelled = new("signup.shift_cancelled", "Error.ShiftCancelled", ErrorKind.Conflict);

    public static readonly Error NotYours = new("signup.not_yours", "Error.SignupNotYours", ErrorKind.Forbidden);

    public static readonly Error SubstituteTaken = new("substitute.taken", "Error.SubstituteTaken", ErrorKind.Conflict);

    public static readonly Error SubstituteClosed = new("substitute.closed", "Error.SubstituteClosed", ErrorKind.Conflict);

    public static readonly Error SubstituteOwn = new("substitute.own", "Error.SubstituteOwn", ErrorKind.Conflict);

    public static readonly Error SubstituteNeedsPlace = new("substitute.no_place", "Error.SubstituteNeedsPlace", ErrorKind.Conflict);

    public static readonly Error SubstituteAlreadyOpen = new("substitute.already_open", "Error.SubstituteAlreadyOpen", ErrorKind.Conflict);
}
