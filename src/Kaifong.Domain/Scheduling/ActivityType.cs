using Kaifong.Domain.Common;

namespace Kaifong.Domain.Scheduling;

/// <summary>活動類型: a tag such as 前線服務, with the skills its shifts require and the registration form sign-up collects.</summary>
public sealed class ActivityType : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Name { get; set; }
    public List<string> RequiredSkills { get; set; } = [];
    public List<FormField> Form { get; set; } = [];

    /// <summary>The youngest a person may be on the shift's date (e.g. 18 for work alone with elders); null = no minimum.</summary>
    public int? MinimumAge { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public enum FormFieldKind
{
    Text,
    Choice,
    YesNo,
    Date,
}

/// <summary>One question of a registration form; answers are collected under the PICS at sign-up.</summary>
public sealed record FormField(string Key, string Label, FormFieldKind Kind, bool Required, IReadOnlyList<string> Choices);

public sealed record FormFieldInput(string? Label, string? Kind, bool Required, IReadOnlyList<string>? Choices);

public static class ActivityTypeRules
{
    public static (string? Name, IReadOnlyList<Error> Errors) ValidateName(string? name)
    {
        var errors = new List<Error>();
        var n = FreeText.Check(name, Limits.Name, "name", errors, SchedulingErrors.NameRequired, SchedulingErrors.NameTooLong);
        return (n, errors);
    }

    /// <summary>Checks a form definition: labels required and short, a known kind, choices only (and at least two) for choice questions.</summary>
    public static (List<FormField>? Form, IReadOnlyList<Error> Errors) ValidateForm(IReadOnlyList<FormFieldInput>? input)
    {
        var fields = new List<FormField>();
        if (input is null)
        {
            return (fields, []);
        }

        if (input.Count > Limits.FormFields)
        {
            return (null, [SchedulingErrors.FormInvalid]);
        }

        foreach (var (f, i) in input.Select((f, i) => (f, i)))
        {
            var label = FreeText.Clean(f?.Label, Limits.Name).Value ?? "";
            if (f is null || label.Length == 0
                || !Enum.TryParse<FormFieldKind>(f.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
                || int.TryParse(f.Kind, out _))
            {
                return (null, [SchedulingErrors.FormInvalid]);
            }

            var cleaned = (f.Choices ?? []).Select(c => FreeText.Clean(c, Limits.Name)).Where(c => c.Fault != TextFault.Empty).ToArray();
            var choices = cleaned.Select(c => c.Value ?? "").Distinct().ToArray();
            if (cleaned.Any(c => !c.Ok) || (kind == FormFieldKind.Choice && (choices.Length < 2 || choices.Length > Limits.FormChoices)))
            {
                return (null, [SchedulingErrors.FormInvalid]);
            }

            fields.Add(new FormField($"q{i + 1}", label, kind, f.Required, kind == FormFieldKind.Choice ? choices : []));
        }

        return (fields, []);
    }
}
