using Kaifong.Domain.Common;
using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Scheduling;

/// <summary>A qualification a person holds in one organisation, as eligibility needs it.</summary>
public sealed record HeldSkill(string Name, bool Verified, DateOnly? ExpiresOn);

/// <summary>
/// What a shift asks of the people on it: its start, whether it is cancelled, how long before the start sign-up closes
/// (null = at the start), the skills it needs (the shift's and its activity type's) and a minimum age (null = none).
/// </summary>
public sealed record ShiftRequirements(
    DateTimeOffset Start, bool Cancelled, int? RegistrationDeadlineMinutes, IReadOnlyCollection<string> RequiredSkills, int? MinimumAge);

/// <summary>What eligibility knows of a person in one organisation: membership active, skills held, birth date if given.</summary>
public sealed record MemberFacts(bool MembershipActive, IReadOnlyCollection<HeldSkill> Skills, DateOnly? BirthDate);

/// <summary>Who may take a shift: every required skill held, verified, and not expired on the shift's date; and the rest of <see cref="Check"/>.</summary>
public static class Eligibility
{
    public static IReadOnlyList<string> MissingSkills(IEnumerable<string> required, IEnumerable<HeldSkill> held, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(required);
        var valid = held
            .Where(h => h.Verified && (h.ExpiresOn is null || h.ExpiresOn.Value >= on))
            .Select(h => h.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return required.Distinct(StringComparer.OrdinalIgnoreCase).Where(r => !valid.Contains(r)).ToArray();
    }

    /// <summary>Sign-up closes <paramref name="deadlineMinutes"/> before the start (at the start when null).</summary>
    public static bool RegistrationOpen(DateTimeOffset start, int? deadlineMinutes, DateTimeOffset now) =>
        now < start - TimeSpan.FromMinutes(deadlineMinutes ?? 0);

    /// <summary>
    /// Everything that stops the person signing up to the shift, each naming what is missing, in this order:
    /// the shift is cancelled (then nothing else is said); the shift has started (then the deadline is not said again);
    /// sign-up has closed; the membership is not active; under the minimum age, or age unknown (no birth date) when
    /// the shift has a minimum age; each required skill not held, not verified, or expired on the shift's local date.
    /// Empty means eligible. Ages and dates are on the shift's local date in <paramref name="zone"/>.
    /// A coordinator assigning someone after sign-up has closed may leave out <c>signup.deadline_passed</c>.
    /// </summary>
    public static IReadOnlyList<Error> Check(ShiftRequirements shift, MemberFacts person, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(zone);
        if (shift.Cancelled)
        {
            return [SignupErrors.ShiftCancelled];
        }

        var errors = new List<Error>();
        if (now >= shift.Start)
        {
            errors.Add(SignupErrors.Started);
        }
        else if (!RegistrationOpen(shift.Start, shift.RegistrationDeadlineMinutes, now))
        {
            errors.Add(SignupErrors.DeadlinePassed);
        }

        if (!person.MembershipActive)
        {
            errors.Add(SignupErrors.MembershipInactive);
        }

        var day = DateOnly.FromDateTime(ZonedTime.ToLocal(shift.Start, zone));
        if (shift.MinimumAge is { } minimum)
        {
            if (person.BirthDate is not { } born)
            {
                errors.Add(SignupErrors.AgeUnknown(minimum));
            }
            else if (AgeOn(born, day) < minimum)
            {
                errors.Add(SignupErrors.TooYoung(minimum));
            }
        }

        errors.AddRange(MissingSkills(shift.RequiredSkills, person.Skills, day).Select(SignupErrors.MissingSkill));
        return errors;
    }

    /// <summary>The first thing stopping the person, or null when they may sign up.</summary>
    public static Error? First(ShiftRequirements shift, MemberFacts person, TimeZoneInfo zone, DateTimeOffset now) =>
        Check(shift, person, zone, now) is [var first, ..] ? first : null;

    /// <summary>Age in whole years on a date; someone born on 29 February becomes a year older on 1 March in other years.</summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return (on.Month, on.Day).CompareTo((born.Month, born.Day)) < 0 ? age - 1 : age;
    }
}
