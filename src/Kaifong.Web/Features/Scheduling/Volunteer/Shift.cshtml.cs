using System.Text;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Features.Signups;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Volunteer;

/// <summary>一個班次: when, where, how full (counts only: who is on it is for the lead and coordinators), and "add to calendar".</summary>
public sealed class ShiftModel(ScheduleQueries queries, CalendarFeeds feeds, KaifongDb db, SignupCommands signups, Problems problems, IStringLocalizer<SharedResource> l, TimeProvider time)
    : OrgPageModel
{
    /// <summary>The registration form's questions, asked (with the PICS) before the sign-up when the activity type has any.</summary>
    public IReadOnlyList<FormField> Questions { get; private set; } = [];
    public Guid? MySignupId { get; private set; }
    public string PicsText { get; private set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Not cancelled and not started: sign-up, confirming and cancelling are still possible.</summary>
    public bool Open { get; private set; }

    /// <summary>Showing the questions (the first tap of 報名 when there is a form).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Join { get; set; }

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

    /// <summary>報名 (or 加入候補 when full): with the form's answers when it has questions.</summary>
    public async Task<IActionResult> OnPostSignupAsync(Guid id, Dictionary<string, string?>? answers)
    {
        var (dto, _, errors) = await signups.SignUpAsync(User.RequiredUserId(), id, new SignupRequest(answers), HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l[dto.Status == SignupStatus.Waitlisted ? "Signup.DoneWaitlisted" : "Signup.Done"].Value, join: true);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid signupId)
    {
        var (dto, errors) = await signups.ConfirmAsync(User.RequiredUserId(), signupId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Signup.ConfirmedDone"].Value);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid signupId)
    {
        var (dto, errors) = await signups.CancelAsync(User.RequiredUserId(), signupId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l[dto.LateCancellation ? "Signup.CancelledLate" : "Signup.CancelledDone"].Value);
    }

    /// <summary>Done: back to the page with a flash (so a reload posts nothing). Refused: the page again with the reason.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, IReadOnlyList<Kaifong.Domain.Common.Error> errors, string? flash, bool join = false)
    {
        if (errors.Count == 0)
        {
            TempData["Flash"] = flash;
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Errors = errors.Select(problems.Text).Distinct().ToArray();
        Join = join && Questions.Count > 0;
        return Page();
    }

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
        var mine = await db.Signups.AsNoTracking().Where(s => s.ShiftId == id && s.MembershipId == Org.Me.Id)
            .Select(s => new { s.Id, s.Status }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        MyStatus = mine?.Status;
        MySignupId = mine?.Id;
        Questions = activity.ActivityTypeId is { } formType
            ? await db.ActivityTypes.AsNoTracking().Where(t => t.Id == formType).Select(t => t.Form).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? []
            : [];
        PicsText = Pics.For(Org.Organisation, Localisation.CurrentLanguage, l);
        Open = !Shift.Cancelled && Shift.Start > time.GetUtcNow();
        return true;
    }
}
