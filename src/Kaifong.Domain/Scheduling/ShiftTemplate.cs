using Kaifong.Domain.Common;
using Kaifong.Domain.People;

namespace Kaifong.Domain.Scheduling;

/// <summary>
/// 班次模板: a reusable pattern, e.g. 送飯上午班 Mon–Fri 09:00–12:00 × 4. Generating a month turns it into a recurring
/// activity for that month's matching days, with one shift per occurrence.
/// </summary>
public sealed class ShiftTemplate : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid ProgrammeId { get; set; }
    public Guid? ActivityTypeId { get; set; }
    public required string Name { get; set; }
    public string? Venue { get; set; }
    public District? District { get; set; }
    public List<DayOfWeek> Days { get; set; } = [];
    public required ShiftDefinition Shift { get; set; }
    public bool PrivacyMode { get; set; }
    public bool Outdoor { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The days of <paramref name="month"/> (from <paramref name="notBefore"/>) the template covers, as a rule; null when none.</summary>
    public (DateOnly First, string Rule)? RuleFor(DateOnly month, DateOnly notBefore)
    {
        var firstOfMonth = new DateOnly(month.Year, month.Month, 1);
        var last = firstOfMonth.AddMonths(1).AddDays(-1);
        var from = notBefore > firstOfMonth ? notBefore : firstOfMonth;
        for (var d = from; d <= last; d = d.AddDays(1))
        {
            if (Days.Contains(d.DayOfWeek))
            {
                return (d, RecurrencePatterns.Build(RecurrencePattern.Weekly, d, Days, last)!);
            }
        }

        return null;
    }
}
