using System.Globalization;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>
/// Editing a series (or one date of it): the form filled from the activity; only what was changed is sent, with the
/// chosen scope (只此一場 / 此場及之後 / 全部), to the same PatchAsync the API uses.
/// </summary>
public sealed class EditModel : ActivityFormPage
{
    public static readonly string[] Scopes = ["this", "following", "all"];

    public override bool Editing => true;

    public ActivityDto Activity { get; private set; } = null!;

    /// <summary>The occurrence the edit starts from (yyyy-MM-dd); empty for a one-off.</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? OccurrenceDate { get; set; }

    /// <summary>The scope the form was filled for (what the changes are measured against).</summary>
    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? ShownScope { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Input = ActivityForm.From(Activity, Occurrence, Shown);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Normalise();
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var before = ActivityForm.From(Activity, Occurrence, Shown);
        var errors = new List<Error>();
        var rule = Input.Rule(errors);
        var rowErrors = new Dictionary<string, string>();
        var shifts = Input.ShiftInputs(rowErrors, S.Problems.Text);
        if (errors.Count == 0 && rowErrors.Count == 0)
        {
            var patch = Changes(before, rule, before.Rule([]), shifts);
            var (saved, failures) = await S.Commands.PatchAsync(Org, id, patch, HttpContext.RequestAborted);
            if (saved is not null)
            {
                TempData["Flash"] = S.L["Common.Saved"].Value;
                return Redirect($"/o/{Org.Slug}/activities/{saved.Id}");
            }

            errors.AddRange(failures);
            if (failures.Any(e => e.Kind == ErrorKind.NotFound && e.Field == "date"))
            {
                errors = [.. failures.Select(e => e with { Field = "date" })];
            }
        }
        else
        {
            // The pattern or a headcount is wrong: still say what else is (the same check the save makes, nothing saved).
            errors.AddRange(ActivityRules.Validate(Input.ToInput(null, shifts), Org.Organisation.Zone).Errors);
        }

        return await ShowErrorsAsync(errors, rowErrors) ?? Page();
    }

    private string Shown => Scopes.Contains(ShownScope) ? ShownScope! : Activity.RRule is null ? "all" : "this";

    private OccurrenceDto? Occurrence =>
        Activity.Occurrences.FirstOrDefault(o => o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == OccurrenceDate);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await S.Queries.ActivityAsync(Org, id, HttpContext.RequestAborted) is not { } activity)
        {
            return NotFound();
        }

        if (!ScheduleCommands.CanManage(Org.Viewer, activity.ProgrammeId))
        {
            return Forbid();
        }

        Activity = activity;
        return null;
    }

    /// <summary>Only the fields that differ from what the form was filled with; absent fields stay as they are.</summary>
    private ActivityPatch Changes(ActivityForm before, string? rule, string? ruleBefore, List<Domain.Scheduling.ShiftInput> shifts)
    {
        static string? Diff(string? now, string? was) => (now?.Trim() ?? "") == (was?.Trim() ?? "") ? null : now?.Trim() ?? "";
        static Guid? DiffId(string? now, string? was) => Diff(now, was) is null ? null : ActivityForm.Id(now) ?? Guid.Empty;
        static bool? DiffBool(bool now, bool was) => now == was ? null : now;
        static int? DiffHours(string? now, string? was) =>
            Diff(now, was) is null ? null : ActivityForm.Hours(now) ?? ActivityPatch.OrganisationDefault;
        var when = Diff(Input.Date, before.Date) ?? Diff(Input.StartTime, before.StartTime) ?? Diff(Input.EndTime, before.EndTime);
        var shiftsBefore = before.ShiftInputs([], _ => "");
        var shiftsChanged = shifts.Count != shiftsBefore.Count || shifts.Zip(shiftsBefore).Any(p =>
            p.First with { RequiredSkills = null } != p.Second with { RequiredSkills = null }
            || !(p.First.RequiredSkills ?? []).SequenceEqual(p.Second.RequiredSkills ?? []));
        var scope = Scopes.Contains(Input.Scope) ? Input.Scope : Input.Scope ?? "all";
        return new ActivityPatch(
            scope, OccurrenceDate, Diff(Input.Title, before.Title), DiffId(Input.ProgrammeId, before.ProgrammeId),
            DiffId(Input.ActivityTypeId, before.ActivityTypeId), Diff(Input.Venue, before.Venue), Diff(Input.District, before.District),
            when is null ? null : Input.LocalStart ?? "?", when is null ? null : Input.LocalEnd ?? "?",
            RepeatWords.Same(rule, ruleBefore) ? null : rule ?? "", Diff(Input.Deadline, before.Deadline),
            DiffBool(Input.Privacy, before.Privacy), DiffBool(Input.IsOutdoor, before.IsOutdoor), DiffId(Input.LeadMembershipId, before.LeadMembershipId),
            Diff(Input.Notes, before.Notes), shiftsChanged ? shifts : null,
            DiffHours(Input.ConfirmationHours, before.ConfirmationHours), DiffHours(Input.LateCancellationHours, before.LateCancellationHours));
    }
}
