using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>新增活動: the create form; <c>?template={id}</c> fills it from a shift template.</summary>
public sealed class NewModel : ActivityFormPage
{
    public async Task OnGetAsync(string? template)
    {
        await LoadChoicesAsync();
        if (Choices.Programmes.Count == 1)
        {
            Input.ProgrammeId = Choices.Programmes[0].Id.ToString();
        }

        if (Guid.TryParse(template, out var templateId)
            && (await S.Catalogue.TemplatesAsync(Org, HttpContext.RequestAborted)).FirstOrDefault(t => t.Id == templateId) is { } t)
        {
            Input.Title = t.Name;
            Input.ProgrammeId = t.ProgrammeId.ToString();
            Input.ActivityTypeId = t.ActivityTypeId?.ToString();
            Input.Venue = t.Venue;
            Input.District = t.District is { } d && Districts.TryParse(d, out var district) ? district.ToString() : null;
            Input.StartTime = t.Start;
            Input.EndTime = t.End;
            Input.PrivacyMode = t.PrivacyMode ? "true" : null;
            Input.Outdoor = t.Outdoor ? "true" : null;
            Input.Days = [.. t.Days];
            Input.Repeat = t.Days.Count == 5 && !t.Days.Contains("SA") && !t.Days.Contains("SU") ? nameof(RecurrencePattern.Weekdays) : nameof(RecurrencePattern.Weekly);
            Input.Shifts =
            [
                new ShiftRow
                {
                    Role = t.Role, Start = t.Start, End = t.End, Minimum = t.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Target = t.Target.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Maximum = t.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture), Skills = string.Join(", ", t.RequiredSkills),
                },
            ];
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Normalise();
        var errors = new List<Error>();
        var rule = Input.Rule(errors);
        var rowErrors = new Dictionary<string, string>();
        var shifts = Input.ShiftInputs(rowErrors, S.Problems.Text);
        if (errors.Count == 0 && rowErrors.Count == 0)
        {
            var (created, failures) = await S.Commands.CreateAsync(Org, Input.ToInput(rule, shifts), HttpContext.RequestAborted);
            if (created is not null)
            {
                TempData["Flash"] = S.L["Activity.Created", created.Occurrences.Count].Value;
                return Redirect($"/o/{Org.Slug}/activities/{created.Id}");
            }

            errors.AddRange(failures);
        }
        else
        {
            // The pattern or a headcount is wrong: still say what else is (the same check the create makes, nothing saved).
            errors.AddRange(ActivityRules.Validate(Input.ToInput(null, shifts), Org.Organisation.Zone).Errors);
        }

        return await ShowErrorsAsync(errors, rowErrors) ?? Page();
    }
}
