using System.Globalization;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Signups;

/// <summary>
/// A shift a person holds a place on (Assigned, Confirmed, CheckedIn, Completed: <see cref="SignupMoves.HoldsPlace"/>),
/// in any organisation. Waitlist and backup places are not commitments: the person may never get them.
/// </summary>
public sealed record Commitment(Guid ShiftId, DateTimeOffset Start, DateTimeOffset End, Guid OrganisationId);

/// <summary>
/// An organisation's limits for one person: minimum rest between shifts in minutes (0 = none) and the most shifts a
/// week and a month (null = no limit). <see cref="For"/> applies a person's own limits over the organisation's.
/// </summary>
public sealed record ConflictRules(int RestMinutes, int? WeeklyLimit, int? MonthlyLimit)
{
    public static readonly ConflictRules None = new(0, null, null);

    /// <summary>A person's own limit, when set, replaces the organisation's default; rest is the organisation's.</summary>
    public static ConflictRules For(ConflictRules organisation, int? personWeeklyLimit, int? personMonthlyLimit)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation with
        {
            WeeklyLimit = personWeeklyLimit ?? organisation.WeeklyLimit,
            MonthlyLimit = personMonthlyLimit ?? organisation.MonthlyLimit,
        };
    }
}

/// <summary>One problem found, and whether a coordinator may override it with a reason (limits and rest: yes; overlap: no).</summary>
public sealed record Conflict(Error Error, bool Overridable);

/// <summary>
/// Whether taking a shift clashes with the person's other commitments. Overlap and rest look at shifts in every
/// organisation, and the message never says whose or which organisation's ("you already have a shift at that time");
/// the weekly and monthly limits count this organisation's shifts only.
/// </summary>
public static class ConflictCheck
{
    /// <summary>
    /// Every problem with taking <paramref name="shift"/> given <paramref name="others"/> (the shift itself, if listed, is ignored):
    /// <list type="bullet">
    /// <item>overlap: the times cross; a shift ending exactly when the other starts does not overlap;</item>
    /// <item>rest: less than the organisation's minimum between the end of one and the start of the next (exactly the minimum is fine);</item>
    /// <item>weekly / monthly limit: counting this shift, more of this organisation's shifts than the limit in the ISO week
    /// (Monday to Sunday) or calendar month of the shift's start date, in the organisation's time zone (a shift crossing
    /// midnight counts on the day it starts).</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<Conflict> Find(Commitment shift, IEnumerable<Commitment> others, ConflictRules rules, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(zone);
        var list = others.Where(o => o.ShiftId != shift.ShiftId).ToList();
        var found = new List<Conflict>();
        if (list.Any(o => Overlaps(shift, o)))
        {
            found.Add(new(SignupErrors.Overlap, false));
        }

        var rest = TimeSpan.FromMinutes(rules.RestMinutes);
        if (rules.RestMinutes > 0 && list.Any(o => !Overlaps(shift, o) && Gap(shift, o) < rest))
        {
            found.Add(new(SignupErrors.Rest(rules.RestMinutes), true));
        }

        var day = LocalDate(shift.Start, zone);
        var mine = list.Where(o => o.OrganisationId == shift.OrganisationId).Select(o => LocalDate(o.Start, zone)).ToList();
        if (rules.WeeklyLimit is { } week && mine.Count(d => WeekOf(d) == WeekOf(day)) + 1 > week)
        {
            found.Add(new(SignupErrors.WeeklyLimit(week), true));
        }

        if (rules.MonthlyLimit is { } month && mine.Count(d => d.Year == day.Year && d.Month == day.Month) + 1 > month)
        {
            found.Add(new(SignupErrors.MonthlyLimit(month), true));
        }

        return found;
    }

    /// <summary>
    /// What stops the sign-up, if anything: a problem nobody may override (overlap) always; the others unless a
    /// coordinator overrides them with a reason (the caller audits it). A volunteer signing themselves up passes no reason.
    /// A reason that is blank or too long is itself refused, so an override is never silent.
    /// </summary>
    public static Error? Verdict(IReadOnlyList<Conflict> conflicts, bool coordinatorOverride, string? reason)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.FirstOrDefault(c => !c.Overridable) is { } hard)
        {
            return hard.Error;
        }

        if (conflicts.Count == 0)
        {
            return null;
        }

        if (!coordinatorOverride)
        {
            return conflicts[0].Error;
        }

        return FreeText.FirstError(reason, Limits.AuditDetail, "reason", SignupErrors.OverrideReasonRequired, SignupErrors.OverrideReasonTooLong);
    }

    /// <summary>The first of <paramref name="others"/> whose time crosses <paramref name="shift"/>'s, if any (to name it to its holder).</summary>
    public static Commitment? FirstOverlap(Commitment shift, IEnumerable<Commitment> others)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(others);
        return others.Where(o => o.ShiftId != shift.ShiftId && Overlaps(shift, o)).OrderBy(o => o.Start).FirstOrDefault();
    }

    /// <summary>Whether two shifts share any time; touching end-to-start is not sharing.</summary>
    public static bool Overlaps(Commitment a, Commitment b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Start < b.End && b.Start < a.End;
    }

    private static TimeSpan Gap(Commitment a, Commitment b) => a.Start >= b.End ? a.Start - b.End : b.Start - a.End;

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ZonedTime.ToLocal(instant, zone));

    private static (int Year, int Week) WeekOf(DateOnly date)
    {
        var d = date.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d));
    }
}
