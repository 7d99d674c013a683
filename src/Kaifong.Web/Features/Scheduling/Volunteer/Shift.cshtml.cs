using System.Text;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling.Volunteer;

/// <summary>一個班次: when, where, how full (counts only: who is on it is for the lead and coordinators), and "add to calendar".</summary>
public sealed class ShiftModel(ScheduleQueries queries, CalendarFeeds feeds, KaifongDb db) : OrgPageModel
{
    public ShiftDto Shift { get; private set; } = null!;
    public IReadOnlyList<string> RequiredSkills { get; private set; } = [];
    public bool Outdoor { get; private set; }
    public string? Notes { get; private set; }
    public SignupStatus? MyStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>"加入日曆": a one-event calendar file for this shift.</summary>
    public async Task<IActionResult> OnGetIcsAsync(Guid id) =>
        await LoadAsync(id)
            ? File(Encoding.UTF8.GetBytes(feeds.Single(Org, Shift)), "text/calendar; charset=utf-8", $"kaifong-{Shift.Start:yyyyMMdd-HHmm}.ics")
            : NotFound();

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.ShiftAsync(Org, id, HttpContext.RequestAborted) is not { } found)
        {
            return false;
        }

        (Shift, var activity, _) = found;
        var typeSkills = activity.ActivityTypeId is { } typeId
            ? await db.ActivityTypes.AsNoTracking().Where(t => t.Id == typeId).Select(t => t.RequiredSkills).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? []
            : [];
        var shiftSkills = await db.Shifts.AsNoTracking().Where(s => s.Id == id).Select(s => s.RequiredSkills).FirstAsync(HttpContext.RequestAborted);
        RequiredSkills = shiftSkills.Concat(typeSkills).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Outdoor = activity.Outdoor;
        Notes = activity.Notes;
        MyStatus = await db.Signups.AsNoTracking().Where(s => s.ShiftId == id && s.MembershipId == Org.Me.Id).Select(s => (SignupStatus?)s.Status)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return true;
    }
}
