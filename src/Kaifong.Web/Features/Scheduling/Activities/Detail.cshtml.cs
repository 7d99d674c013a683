using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>One activity: its details, its rule in words, the occurrences that exist with their shifts' fill state; cancel one.</summary>
public sealed class DetailModel(TimeProvider time) : ActivityPage
{

    public ActivityDto Activity { get; private set; } = null!;
    public string? Programme { get; private set; }
    public string? Type { get; private set; }
    public string? Lead { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>The occurrence whose cancellation waits for a yes (GET ?cancel=yyyy-MM-dd).</summary>
    [BindProperty(SupportsGet = true, Name = "cancel")]
    public string? CancelDate { get; set; }

    public OccurrenceDto? ToCancel => Activity.Occurrences.FirstOrDefault(o => o.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == CancelDate && !o.Cancelled);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? date)
    {
        var errors = await S.Commands.CancelOccurrenceAsync(Org, id, date, HttpContext.RequestAborted);
        if (errors.Any(e => e.Kind is Domain.Common.ErrorKind.NotFound && e.Field is null))
        {
            return NotFound();
        }

        if (errors.Any(e => e.Kind is Domain.Common.ErrorKind.Forbidden))
        {
            return Forbid();
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError("", S.Problems.Text(e));
            }

            CancelDate = date;
            return await LoadAsync(id) ?? Page();
        }

        TempData["Flash"] = S.L["Activity.OccurrenceCancelled", date ?? ""].Value;
        return Redirect($"/o/{Org.Slug}/activities/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await S.Queries.ActivityAsync(Org, id, ct) is not { } activity)
        {
            return NotFound();
        }

        if (!ScheduleCommands.CanManage(Org.Viewer, activity.ProgrammeId))
        {
            return Forbid();
        }

        Activity = activity;
        Now = time.GetUtcNow();
        Programme = (await S.Orgs.ProgrammesAsync(Org.Id, ct)).FirstOrDefault(p => p.Id == activity.ProgrammeId)?.Name;
        Type = activity.ActivityTypeId is { } t ? (await S.Catalogue.ActivityTypesAsync(Org.Id, ct)).FirstOrDefault(x => x.Id == t)?.Name : null;
        Lead = activity.LeadMembershipId is { } m ? (await S.Members.GetAsync(Org, m, withContact: false, ct))?.DisplayName : null;
        return null;
    }

    public static string StateClass(ShiftDto s) => s.Cancelled ? "cancelled" : s.State.ToString().ToLowerInvariant();
}
