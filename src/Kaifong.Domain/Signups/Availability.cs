using Kaifong.Domain.Common;

namespace Kaifong.Domain.Signups;

/// <summary>可服務時段: one weekly window in which a person can usually serve in an organisation (e.g. every Tuesday 09:00–13:00).</summary>
public sealed class AvailabilitySlot : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid MembershipId { get; init; }
    public DayOfWeek DayOfWeek { get; init; }
    public TimeOnly From { get; init; }
    public TimeOnly To { get; init; }
}

/// <summary>A dated exception: available (at those hours, or all day) or not on a date; a blackout is a day not available.</summary>
public sealed class AvailabilityException : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid MembershipId { get; init; }
    public DateOnly Date { get; init; }
    public TimeOnly? From { get; init; }
    public TimeOnly? To { get; init; }
    public bool Available { get; init; }
}

/// <summary>Whether a person's availability covers a shift's local times: the date's exceptions win over the weekly pattern.</summary>
public static class AvailabilityRules
{
    /// <summary>
    /// Available for a shift from <paramref name="start"/> to <paramref name="end"/> (local): a "not available" exception on
    /// the date says no; an "available" exception with hours (or all day) says yes when it covers the shift; otherwise a
    /// weekly window of that weekday must cover it. A person with no pattern and no exception at all is unknown (null).
    /// </summary>
    public static bool? Covers(DateTime start, DateTime end, IReadOnlyCollection<AvailabilitySlot> weekly, IReadOnlyCollection<AvailabilityException> exceptions)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (weekly.Count == 0 && exceptions.Count == 0)
        {
            return null;
        }

        var date = DateOnly.FromDateTime(start);
        var from = TimeOnly.FromDateTime(start);
        var to = DateOnly.FromDateTime(end) > date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(end);
        var onDate = exceptions.Where(e => e.Date == date).ToList();
        if (onDate.Any(e => !e.Available && e.From is null))
        {
            return false;
        }

        if (onDate.Any(e => e.Available && (e.From is null || (e.From <= from && (e.To ?? TimeOnly.MaxValue) >= to))))
        {
            return true;
        }

        if (onDate.Any(e => !e.Available && e.From < to && (e.To ?? TimeOnly.MaxValue) > from))
        {
            return false;
        }

        return weekly.Any(w => w.DayOfWeek == date.DayOfWeek && w.From <= from && w.To >= to);
    }
}
