using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Features.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>The services the activity pages share (taken from the request's scope, so nothing new needs registering).</summary>
public sealed record ActivityServices(
    ScheduleCommands Commands, ScheduleQueries Queries, CatalogueCommands Catalogue, OrganisationCommands Orgs, MemberCommands Members,
    Problems Problems, IStringLocalizer<SharedResource> L)
{
    public static ActivityServices From(IServiceProvider p) => new(
        p.GetRequiredService<ScheduleCommands>(), p.GetRequiredService<ScheduleQueries>(), p.GetRequiredService<CatalogueCommands>(),
        p.GetRequiredService<OrganisationCommands>(), p.GetRequiredService<MemberCommands>(), p.GetRequiredService<Problems>(),
        p.GetRequiredService<IStringLocalizer<SharedResource>>());
}

/// <summary>The base of the set-up pages: staff only, the shared services, the first error of a field.</summary>
public abstract class ActivityPage : OrgPageModel
{
    private ActivityServices? services;

    protected ActivityServices S => services ??= ActivityServices.From(HttpContext.RequestServices);

    protected override Need Requires => Need.Staff;

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

/// <summary>
/// The create and edit pages of an activity: one form (_ActivityFields), shift rows added and removed by plain submits
/// (no JavaScript needed), errors beside their fields, nothing saved on error.
/// </summary>
public abstract class ActivityFormPage : ActivityPage
{
    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public ActivityChoices Choices { get; private set; } = new([], [], [], []);

    /// <summary>Edit pages show the scope choice; the create page does not.</summary>
    public virtual bool Editing => false;

    protected async Task LoadChoicesAsync() =>
        Choices = await ActivityChoices.LoadAsync(Org, S.Orgs, S.Catalogue, S.Members, S.Queries, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAddShiftAsync()
    {
        ModelState.Clear();
        if (Input.Shifts.Count < Limits.ShiftsPerOccurrence)
        {
            var last = Input.Shifts.LastOrDefault();
            Input.Shifts.Add(new ShiftRow { Start = last?.Start ?? Input.StartTime, End = last?.End ?? Input.EndTime });
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveShiftAsync(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.Shifts.Count && Input.Shifts.Count > 1)
        {
            Input.Shifts.RemoveAt(index);
        }

        await LoadChoicesAsync();
        return Page();
    }

    /// <summary>Binding can only fail on the list sizes; anything else is a string. Caps what a hostile post can make us hold.</summary>
    protected void Normalise()
    {
        ModelState.Clear();
        if (Input.Shifts.Count == 0)
        {
            Input.Shifts.Add(new ShiftRow());
        }

        if (Input.Shifts.Count > Limits.ShiftsPerOccurrence + 1)
        {
            Input.Shifts = Input.Shifts.Take(Limits.ShiftsPerOccurrence + 1).ToList();
        }

        Input.Days = Input.Days.Take(7).ToList();
    }

    /// <summary>Places the errors beside their fields; false when one of them is not a form error (not found, forbidden).</summary>
    protected async Task<IActionResult?> ShowErrorsAsync(IReadOnlyList<Error> errors, IReadOnlyDictionary<string, string>? rowErrors = null)
    {
        if (errors.Any(e => e.Kind == ErrorKind.NotFound))
        {
            return NotFound();
        }

        if (errors.Any(e => e.Kind == ErrorKind.Forbidden))
        {
            return Forbid();
        }

        var rruleKey = string.IsNullOrWhiteSpace(Input.RRule) ? "Input.Repeat" : "Input.RRule";
        foreach (var e in errors.Where(e => e.Field is null || !e.Field.StartsWith("shifts.", StringComparison.Ordinal)))
        {
            ModelState.AddModelError(FormErrors.Key(e.Field, rruleKey), S.Problems.Text(e));
        }

        var start = ActivityRules.ParseTime(Input.StartTime) ?? TimeOnly.MinValue;
        var known = await S.Queries.KnownSkillsAsync(Org.Id, HttpContext.RequestAborted);
        FormErrors.AddShiftErrors(ModelState, errors.Where(e => e.Field?.StartsWith("shifts.", StringComparison.Ordinal) == true), Input, known, S.Problems.Text, start);
        foreach (var (key, message) in rowErrors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(key, message);
        }

        await LoadChoicesAsync();
        return null;
    }
}
