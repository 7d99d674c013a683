using System.Globalization;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Board;

/// <summary>A shift in the gaps list, its time already written in the reader's culture.</summary>
public sealed record GapRow(ShiftDto Shift, string Day, string Times, string Label, string Url);

/// <summary>缺額: the week's shifts still short of people (缺人 first, then 未滿), server-rendered, no JavaScript needed.</summary>
public sealed class GapsModel(ScheduleQueries queries, TimeProvider time, IStringLocalizer<SharedResource> l) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    /// <summary>The first day of the week shown (yyyy-MM-dd); today in the organisation's zone when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<GapRow> Gaps { get; private set; } = [];
    public IReadOnlyList<GapRow> Shorts { get; private set; } = [];

    public string FirstDay => Day(Start);

    public string LastDay => Day(End);

    public string WeekUrl(DateOnly from) => from == Today
        ? $"/o/{Org.Slug}/gaps"
        : $"/o/{Org.Slug}/gaps?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public async Task OnGetAsync()
    {
        Today = ZonedTime.Today(time, Org.Organisation.Zone);
        Start = Dates.Parse(From) ?? Today;
        End = Start.AddDays(6);
        var shifts = await queries.ShiftsAsync(Org, new ShiftFilter(Start, End, States: [FillState.Gap, FillState.Short]), HttpContext.RequestAborted);
        Gaps = shifts.Where(s => s.State == FillState.Gap).Select(Row).ToArray();
        Shorts = shifts.Where(s => s.State == FillState.Short).Select(Row).ToArray();
    }

    private GapRow Row(ShiftDto s) =>
        new(s, l["Gaps.Day", Day(DateOnly.FromDateTime(s.Start.DateTime)), s.Start.ToString("ddd", CultureInfo.CurrentCulture)], ShiftText.Times(s), ShiftText.Label(s, l), $"/o/{Org.Slug}/shifts/{s.Id}");

    private static string Day(DateOnly d) => d.ToString(CultureInfo.CurrentCulture.DateTimeFormat.MonthDayPattern, CultureInfo.CurrentCulture);
}
