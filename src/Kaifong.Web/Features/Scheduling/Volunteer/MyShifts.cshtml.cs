using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Volunteer;

/// <summary>我的更表: the person's own shifts in every organisation, the next one first with a countdown.</summary>
public sealed class MyShiftsModel(ScheduleQueries queries, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ShiftDto> Shifts { get; private set; } = [];
    public ShiftDto? Next { get; private set; }
    public string Countdown { get; private set; } = "";
    public bool ManyOrganisations { get; private set; }
    public IReadOnlyList<string> Pending { get; private set; } = [];
    public bool ActiveSomewhere { get; private set; }

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow();
        (Pending, ActiveSomewhere) = await queries.ApplicationsAsync(User.RequiredUserId(), HttpContext.RequestAborted);
        Shifts = await queries.MyShiftsAsync(User.RequiredUserId(), now.AddHours(-12), now.AddDays(120), HttpContext.RequestAborted);
        Shifts = Shifts.Where(s => s.End > now).ToArray();
        ManyOrganisations = Shifts.Select(s => s.Organisation).Distinct().Count() > 1;
        Next = Shifts.FirstOrDefault(s => !s.Cancelled && s.MyStatus is not (Domain.Scheduling.SignupStatus.Waitlisted or Domain.Scheduling.SignupStatus.Standby));
        if (Next is not null)
        {
            Countdown = CountdownText(Next.Start - now, l);
        }
    }

    /// <summary>"還有 23 小時", "還有 3 日", "已開始".</summary>
    public static string CountdownText(TimeSpan left, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return left <= TimeSpan.Zero ? l["MyShifts.Started"]
            : left < TimeSpan.FromHours(1) ? l["MyShifts.InMinutes", (int)Math.Ceiling(left.TotalMinutes)]
            : left < TimeSpan.FromHours(48) ? l["MyShifts.InHours", (int)Math.Floor(left.TotalHours)]
            : l["MyShifts.InDays", (int)Math.Floor(left.TotalDays)];
    }
}
