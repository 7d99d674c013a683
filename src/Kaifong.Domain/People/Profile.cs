using Kaifong.Domain.Common;

namespace Kaifong.Domain.People;

public static class ProfileErrors
{
    public static readonly Error InvalidPhone = new("profile.invalid_phone", "Error.InvalidPhone", Field: "phone");
    public static readonly Error UnknownDistrict = new("profile.unknown_district", "Error.UnknownDistrict", Field: "district");
    public static readonly Error UnknownLanguage = new("profile.unknown_language", "Error.UnknownLanguage", Field: "language");
    public static readonly Error DisplayNameRequired = new("validation", "Error.Required", Field: "displayName");
    public static readonly Error DisplayNameTooLong = new("validation", "Error.TooLong", Field: "displayName", Args: [Limits.DisplayName]);
    public static readonly Error SkillInvalid = new("validation", "Error.SkillInvalid", Field: "skills", Args: [Limits.SkillName]);
    public static readonly Error TooManySkills = new("validation", "Error.TooManySkills", Field: "skills", Args: [Limits.SkillsPerPerson]);
}

/// <summary>What a person says about themselves, validated. Everything optional is really optional: collect the minimum.</summary>
public sealed record ProfileInput(string? DisplayName, string? Language, string? Phone, string? District, IReadOnlyList<string>? Skills);

public sealed record ValidProfile(string DisplayName, string Language, string? Phone, District? District, IReadOnlyList<string> Skills);

public static class ProfileRules
{
    /// <summary>Checks every field and returns all the errors at once, so a form can show each beside its field.</summary>
    public static (ValidProfile? Profile, IReadOnlyList<Error> Errors) Validate(ProfileInput input)
    {
        var errors = new List<Error>();
        var name = FreeText.Check(input.DisplayName, Limits.DisplayName, "displayName", errors, ProfileErrors.DisplayNameRequired, ProfileErrors.DisplayNameTooLong) ?? "";

        var language = Languages.Default;
        if (!string.IsNullOrWhiteSpace(input.Language))
        {
            var normalised = Languages.All.FirstOrDefault(l => string.Equals(l, input.Language.Trim(), StringComparison.OrdinalIgnoreCase));
            if (normalised is null)
            {
                errors.Add(ProfileErrors.UnknownLanguage);
            }
            else
            {
                language = normalised;
            }
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            var p = PhoneNumberRules.Normalise(input.Phone);
            if (p.IsSuccess)
            {
                phone = p.Value;
            }
            else
            {
                errors.Add(p.Error!);
            }
        }

        var district = Districts.ParseOptional(input.District, errors, ProfileErrors.UnknownDistrict);

        var skills = SkillRules.NormaliseNames(input.Skills ?? [], errors);
        return errors.Count == 0 ? (new ValidProfile(name, language, phone, district, skills), errors) : (null, errors);
    }
}

public static class SkillRules
{
    /// <summary>Trims, drops blanks and duplicates (case-insensitive), keeps order; adds errors for oversized names or lists.</summary>
    public static IReadOnlyList<string> NormaliseNames(IEnumerable<string?> names, List<Error> errors)
    {
        var result = new List<string>();
        foreach (var raw in names)
        {
            var clean = FreeText.Clean(raw, Limits.SkillName);
            if (clean.Fault == TextFault.Empty)
            {
                continue;
            }

            if (clean.Value is not { } n)
            {
                errors.Add(ProfileErrors.SkillInvalid);
                return [];
            }

            if (!result.Contains(n, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(n);
            }
        }

        if (result.Count > Limits.SkillsPerPerson)
        {
            errors.Add(ProfileErrors.TooManySkills);
            return [];
        }

        return result;
    }
}
