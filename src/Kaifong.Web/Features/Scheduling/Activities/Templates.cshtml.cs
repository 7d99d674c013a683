using System.Globalization;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>班次模板: the templates in the coordinator's programmes, a form for a new one, and 產生月份更表 on each.</summary>
public sealed class TemplatesModel(TimeProvider time) : ActivityPage
{

    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    public IReadOnlyList<ShiftTemplateDto> Items { get; private set; } = [];
    public ActivityChoices Choices { get; private set; } = new([], [], [], []);
    public string NextMonth { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var f = Input;
        var numbers = new List<Error>();
        int? Number(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= Limits.Headcount * 10)
            {
                return n;
            }

            numbers.Add(SchedulingErrors.Headcount);
            return -1;
        }

        var request = new ShiftTemplateRequest(
            f.Name, ActivityForm.Id(f.ProgrammeId) ?? Guid.Empty, ActivityForm.Id(f.ActivityTypeId), f.Venue, f.District, f.Days.Take(7).ToList(),
            f.Start, f.End, f.Role, Number(f.Minimum), Number(f.Target), Number(f.Maximum), ShiftRow.SplitSkills(f.Skills),
            ActivityForm.Checked(f.PrivacyMode), ActivityForm.Checked(f.Outdoor));
        var errors = numbers.Count > 0 ? numbers.Distinct().ToList() : [];
        if (errors.Count == 0)
        {
            var (created, failures) = await S.Catalogue.AddTemplateAsync(Org, request, HttpContext.RequestAborted);
            if (created is not null)
            {
                TempData["Flash"] = S.L["Template.Created", created.Name].Value;
                return Redirect($"/o/{Org.Slug}/templates#t-{created.Id}");
            }

            errors.AddRange(failures);
        }

        if (errors.Any(e => e.Kind == ErrorKind.Forbidden))
        {
            return Forbid();
        }

        foreach (var e in errors)
        {
            var field = e.Field?.StartsWith("shifts.", StringComparison.Ordinal) == true ? e.Field[7..] : e.Field;
            var key = field switch
            {
                "requiredSkills" or "skills" => "Input.Skills",
                "start" => "Input.Start",
                "end" => "Input.End",
                _ => FormErrors.Key(field),
            };
            ModelState.AddModelError(key, S.Problems.Text(e));
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(Guid id, string? month)
    {
        var (created, errors) = await S.Catalogue.GenerateAsync(Org, id, month, HttpContext.RequestAborted);
        if (created is not null)
        {
            var shifts = created.Occurrences.Sum(o => o.Shifts.Count);
            TempData["Flash"] = S.L["Template.Generated", shifts, created.Occurrences.Count].Value;
            return Redirect($"/o/{Org.Slug}/activities/{created.Id}");
        }

        if (errors.Any(e => e.Kind == ErrorKind.NotFound))
        {
            return NotFound();
        }

        if (errors.Any(e => e.Kind == ErrorKind.Forbidden))
        {
            return Forbid();
        }

        foreach (var e in errors)
        {
            ModelState.AddModelError($"Month-{id}", S.Problems.Text(e));
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Items = await S.Catalogue.TemplatesAsync(Org, ct);
        Choices = await ActivityChoices.LoadAsync(Org, S.Orgs, S.Catalogue, S.Members, S.Queries, ct);
        var today = ZonedTime.Today(time, Org.Organisation.Zone);
        NextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (Input.ProgrammeId is null && Choices.Programmes.Count == 1)
        {
            Input.ProgrammeId = Choices.Programmes[0].Id.ToString();
        }
    }
}

/// <summary>The template form as posted: strings only, so any input reaches the rules and comes back as a form error.</summary>
public sealed class TemplateForm
{
    public string? Name { get; set; }
    public string? ProgrammeId { get; set; }
    public string? ActivityTypeId { get; set; }
    public string? Venue { get; set; }
    public string? District { get; set; }
    public List<string> Days { get; set; } = [];
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Role { get; set; }
    public string? Minimum { get; set; } = "1";
    public string? Target { get; set; } = "1";
    public string? Maximum { get; set; } = "1";
    public string? Skills { get; set; }
    public string? PrivacyMode { get; set; }
    public string? Outdoor { get; set; }
}
