using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>活動類型: the list, and a form for a new one with its required skills and registration questions (rows added without JavaScript).</summary>
public sealed class ActivityTypesModel : ActivityPage
{

    public static readonly string[] Kinds = [.. Enum.GetNames<FormFieldKind>()];

    [BindProperty]
    public TypeForm Input { get; set; } = new();

    public IReadOnlyList<ActivityTypeDto> Items { get; private set; } = [];
    public IReadOnlyList<string> Skills { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddQuestionAsync()
    {
        ModelState.Clear();
        if (Input.Questions.Count < Limits.FormFields)
        {
            Input.Questions.Add(new QuestionRow());
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.Questions.Count)
        {
            Input.Questions.RemoveAt(index);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        // A question row left blank is not a question (the form starts with one empty row).
        var questions = Input.Questions.Take(Limits.FormFields + 1)
            .Where(q => !string.IsNullOrWhiteSpace(q.Label) || !string.IsNullOrWhiteSpace(q.Choices))
            .Select(q => new FormFieldInput(q.Label, q.Kind, ActivityForm.Checked(q.Required), (q.Choices ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        var request = new ActivityTypeRequest(Input.Name, ShiftRow.SplitSkills(Input.Skills), questions);
        var (created, errors) = await S.Catalogue.AddActivityTypeAsync(Org, request, HttpContext.RequestAborted);
        if (created is not null)
        {
            TempData["Flash"] = S.L["ActivityType.Created", created.Name].Value;
            return Redirect($"/o/{Org.Slug}/activity-types");
        }

        if (errors.Any(e => e.Kind == ErrorKind.Forbidden))
        {
            return Forbid();
        }

        foreach (var e in errors)
        {
            var key = e.Field switch
            {
                "requiredSkills" or "skills" => "Input.Skills",
                _ => FormErrors.Key(e.Field),
            };
            ModelState.AddModelError(key, S.Problems.Text(e));
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Items = await S.Catalogue.ActivityTypesAsync(Org.Id, ct);
        Skills = (await S.Queries.KnownSkillsAsync(Org.Id, ct)).Order(StringComparer.Ordinal).ToArray();
    }
}

public sealed class TypeForm
{
    public string? Name { get; set; }
    public string? Skills { get; set; }
    public List<QuestionRow> Questions { get; set; } = [new()];
}

public sealed class QuestionRow
{
    public string? Label { get; set; }
    public string? Kind { get; set; } = nameof(FormFieldKind.Text);
    public string? Required { get; set; }

    /// <summary>For choice questions: one choice a line.</summary>
    public string? Choices { get; set; }
}
