using System.Text.RegularExpressions;
using Kaifong.Domain.Common;

namespace Kaifong.Domain.Organisations;

/// <summary>機構: a tenant. Everything organisation-owned points here.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Slug { get; init; }
    public string TimeZone { get; set; } = OrganisationRules.DefaultTimeZone;
    public string DefaultLanguage { get; set; } = Languages.Default;

    /// <summary>The organisation's own PICS per language; null means the standard text is used.</summary>
    public string? PicsZhHk { get; set; }
    public string? PicsEn { get; set; }
    public string? PicsZhCn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Filling shifts: the default limits on a person's shifts here (null = none), the rest between shifts, and the confirmation policy.</summary>
    public int? WeeklyShiftLimit { get; set; }
    public int? MonthlyShiftLimit { get; set; }
    public int MinRestMinutes { get; set; }
    public int? ConfirmationHours { get; set; }
    public int? LateCancellationHours { get; set; }

    /// <summary>When an assigned person lets the confirm-by time pass, also offer their place to others (尋找替班) as well as telling the coordinators.</summary>
    public bool OfferUnconfirmedPlaces { get; set; }

    public string? CustomPics(string language) => language switch
    {
        Languages.En => PicsEn,
        Languages.ZhCn => PicsZhCn,
        _ => PicsZhHk,
    };

    public void SetCustomPics(string language, string? text)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        switch (language)
        {
            case Languages.En: PicsEn = value; break;
            case Languages.ZhCn: PicsZhCn = value; break;
            default: PicsZhHk = value; break;
        }
    }

    public TimeZoneInfo Zone => OrganisationRules.FindZone(TimeZone) ?? TimeZoneInfo.Utc;
}

public static partial class OrganisationErrors
{
    public static readonly Error NameRequired = new("validation", "Error.Required", Field: "name");
    public static readonly Error NameTooLong = new("validation", "Error.TooLong", Field: "name", Args: [Limits.Name]);
    public static readonly Error InvalidSlug = new("organisation.invalid_slug", "Error.InvalidSlug", Field: "slug");
    public static readonly Error SlugTaken = new("organisation.slug_taken", "Error.SlugTaken", ErrorKind.Conflict, "slug");
    public static readonly Error UnknownTimeZone = new("organisation.unknown_time_zone", "Error.UnknownTimeZone", Field: "timeZone");
    public static readonly Error UnknownLanguage = new("organisation.unknown_language", "Error.UnknownLanguage", Field: "defaultLanguage");
    public static readonly Error PicsTooLong = new("validation", "Error.TooLong", Field: "pics", Args: [Limits.Pics]);
}

public sealed record NewOrganisation(string Name, string Slug, string TimeZone, string DefaultLanguage);

public static partial class OrganisationRules
{
    public const string DefaultTimeZone = "Asia/Hong_Kong";

    /// <summary>Words the site's own URLs use, which no organisation may take.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "new", "api", "admin", "account", "me", "invite", "health", "openapi", "static", "lib", "css", "js",
    };

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !slug.Contains("--", StringComparison.Ordinal) && !Reserved.Contains(slug);

    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > Limits.TimeZone)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
    }

    public static (NewOrganisation? Value, IReadOnlyList<Error> Errors) Validate(string? name, string? slug, string? timeZone, string? defaultLanguage)
    {
        var errors = new List<Error>();
        var n = FreeText.Check(name, Limits.Name, "name", errors, OrganisationErrors.NameRequired, OrganisationErrors.NameTooLong) ?? "";

        var s = slug?.Trim().ToLowerInvariant() ?? "";
        if (!IsValidSlug(s))
        {
            errors.Add(OrganisationErrors.InvalidSlug);
        }

        var tz = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        if (FindZone(tz) is null)
        {
            errors.Add(OrganisationErrors.UnknownTimeZone);
        }

        var lang = string.IsNullOrWhiteSpace(defaultLanguage)
            ? Languages.Default
            : Languages.All.FirstOrDefault(l => string.Equals(l, defaultLanguage.Trim(), StringComparison.OrdinalIgnoreCase));
        if (lang is null)
        {
            errors.Add(OrganisationErrors.UnknownLanguage);
        }

        return errors.Count == 0 ? (new NewOrganisation(n, s, tz, lang!), errors) : (null, errors);
    }
}
