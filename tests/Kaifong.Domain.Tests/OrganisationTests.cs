using Kaifong.Domain.Common;
using Kaifong.Domain.Organisations;

namespace Kaifong.Domain.Tests;

public class SlugTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("tsuen-wan-centre")]
    [InlineData("sswp-2026")]
    [InlineData("123")]
    [InlineData("a-b")]
    public void Valid_slugs_are_accepted(string slug) => Assert.True(OrganisationRules.IsValidSlug(slug));

    [Fact]
    public void Slug_of_exactly_forty_characters_is_accepted() =>
        Assert.True(OrganisationRules.IsValidSlug(new string('a', Limits.Slug)));

    [Fact]
    public void Slug_longer_than_forty_characters_is_rejected() =>
        Assert.False(OrganisationRules.IsValidSlug(new string('a', Limits.Slug + 1)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    public void Too_short_slugs_are_rejected(string? slug) => Assert.False(OrganisationRules.IsValidSlug(slug));

    [Theory]
    [InlineData("Tsuen-Wan")]
    [InlineData("ABC")]
    public void Uppercase_slugs_are_rejected_by_IsValidSlug(string slug) => Assert.False(OrganisationRules.IsValidSlug(slug));

    [Theory]
    [InlineData("tsuen--wan")]
    [InlineData("a--b")]
    public void Double_hyphen_is_rejected(string slug) => Assert.False(OrganisationRules.IsValidSlug(slug));

    [Theory]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("tsuen_wan")]
    [InlineData("tsuen wan")]
    [InlineData("荃灣中心")]
    [InlineData("café")]
    [InlineData("a.b.c")]
    public void Slugs_with_bad_characters_or_edges_are_rejected(string slug) => Assert.False(OrganisationRules.IsValidSlug(slug));

    [Theory]
    [InlineData("new")]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("account")]
    [InlineData("invite")]
    [InlineData("health")]
    [InlineData("openapi")]
    [InlineData("static")]
    [InlineData("lib")]
    [InlineData("css")]
    public void Reserved_words_are_rejected(string slug) => Assert.False(OrganisationRules.IsValidSlug(slug));

    [Theory]
    [InlineData("admins")]
    [InlineData("api-team")]
    [InlineData("news")]
    public void Words_that_only_contain_a_reserved_word_are_accepted(string slug) => Assert.True(OrganisationRules.IsValidSlug(slug));

    [Theory]
    [InlineData("Tsuen-Wan-Centre", "tsuen-wan-centre")]
    [InlineData("  SSWP  ", "sswp")]
    public void Validate_normalises_case_and_whitespace(string slug, string expected)
    {
        var (value, errors) = OrganisationRules.Validate("荃灣街坊中心", slug, null, null);
        Assert.Empty(errors);
        Assert.Equal(expected, value!.Slug);
    }

    [Theory]
    [InlineData("API")]
    [InlineData("Admin")]
    [InlineData(" new ")]
    public void Validate_rejects_reserved_words_in_any_case(string slug)
    {
        var (value, errors) = OrganisationRules.Validate("荃灣街坊中心", slug, null, null);
        Assert.Null(value);
        Assert.Equal([OrganisationErrors.InvalidSlug], errors);
    }

    [Theory]
    [InlineData("a--b")]
    [InlineData("ab")]
    [InlineData(null)]
    public void Validate_reports_an_invalid_slug_on_the_slug_field(string? slug)
    {
        var (_, errors) = OrganisationRules.Validate("荃灣街坊中心", slug, null, null);
        var error = Assert.Single(errors);
        Assert.Equal("slug", error.Field);
        Assert.Equal("organisation.invalid_slug", error.Code);
    }
}

public class TimeZoneTests
{
    [Theory]
    [InlineData("Asia/Hong_Kong")]
    [InlineData("Europe/London")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("America/New_York")]
    public void Iana_zones_are_found(string id)
    {
        var zone = OrganisationRules.FindZone(id);
        Assert.NotNull(zone);
        Assert.True(zone.HasIanaId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Hong Kong")]
    [InlineData("Asia/Kowloon")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("not a zone")]
    public void Nonsense_is_not_a_zone(string? id) => Assert.Null(OrganisationRules.FindZone(id));

    [Theory]
    [InlineData("China Standard Time")]
    [InlineData("GMT Standard Time")]
    [InlineData("Pacific Standard Time")]
    public void Windows_ids_are_refused(string id) => Assert.Null(OrganisationRules.FindZone(id));

    [Fact]
    public void Over_long_ids_are_refused_without_lookup() =>
        Assert.Null(OrganisationRules.FindZone("Asia/" + new string('x', Limits.TimeZone)));

    [Fact]
    public void Hong_Kong_is_eight_hours_ahead_all_year()
    {
        var zone = OrganisationRules.FindZone("Asia/Hong_Kong")!;
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Validate_defaults_to_Hong_Kong()
    {
        var (value, errors) = OrganisationRules.Validate("荃灣街坊中心", "tsuen-wan", null, null);
        Assert.Empty(errors);
        Assert.Equal("Asia/Hong_Kong", value!.TimeZone);
        Assert.Equal(OrganisationRules.DefaultTimeZone, value.TimeZone);
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData(" Asia/Hong_Kong ")]
    public void Validate_accepts_iana_zones_trimmed(string tz)
    {
        var (value, errors) = OrganisationRules.Validate("荃灣街坊中心", "tsuen-wan", tz, null);
        Assert.Empty(errors);
        Assert.Equal(tz.Trim(), value!.TimeZone);
    }

    [Theory]
    [InlineData("Nowhere/Special")]
    [InlineData("China Standard Time")]
    public void Validate_rejects_unknown_and_windows_zones(string tz)
    {
        var (value, errors) = OrganisationRules.Validate("荃灣街坊中心", "tsuen-wan", tz, null);
        Assert.Null(value);
        Assert.Equal([OrganisationErrors.UnknownTimeZone], errors);
    }

    [Fact]
    public void Organisation_zone_falls_back_to_utc_for_a_bad_id()
    {
        var org = new Organisation { Name = "x", Slug = "xyz", TimeZone = "Nowhere/Special" };
        Assert.Equal(TimeZoneInfo.Utc, org.Zone);
    }

    [Fact]
    public void Organisation_zone_defaults_to_Hong_Kong()
    {
        var org = new Organisation { Name = "x", Slug = "xyz" };
        Assert.Equal("Asia/Hong_Kong", org.Zone.Id);
    }
}

public class OrganisationValidateTests
{
    [Fact]
    public void Valid_input_gives_a_new_organisation_with_defaults()
    {
        var (value, errors) = OrganisationRules.Validate("  荃灣街坊中心  ", "tsuen-wan", null, null);
        Assert.Empty(errors);
        Assert.Equal(new NewOrganisation("荃灣街坊中心", "tsuen-wan", "Asia/Hong_Kong", Languages.ZhHk), value);
    }

    [Fact]
    public void All_errors_are_reported_at_once()
    {
        var (value, errors) = OrganisationRules.Validate(" ", "A", "Nowhere/Special", "fr");
        Assert.Null(value);
        Assert.Equal(
            [OrganisationErrors.NameRequired, OrganisationErrors.InvalidSlug, OrganisationErrors.UnknownTimeZone, OrganisationErrors.UnknownLanguage],
            errors);
    }

    [Fact]
    public void Name_at_the_limit_is_fine_and_one_over_is_too_long()
    {
        Assert.Empty(OrganisationRules.Validate(new string('機', Limits.Name), "abc", null, null).Errors);
        Assert.Equal([OrganisationErrors.NameTooLong], OrganisationRules.Validate(new string('機', Limits.Name + 1), "abc", null, null).Errors);
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    [InlineData("zh-hk", "zh-HK")]
    [InlineData(" zh-CN ", "zh-CN")]
    public void Default_language_is_matched_case_insensitively(string input, string expected)
    {
        var (value, errors) = OrganisationRules.Validate("機構", "abc", null, input);
        Assert.Empty(errors);
        Assert.Equal(expected, value!.DefaultLanguage);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("zh-TW")]
    [InlineData("english")]
    public void Unsupported_default_language_is_an_error(string input) =>
        Assert.Equal([OrganisationErrors.UnknownLanguage], OrganisationRules.Validate("機構", "abc", null, input).Errors);
}

public class OrganisationPicsTests
{
    [Theory]
    [InlineData(Languages.ZhHk)]
    [InlineData(Languages.En)]
    [InlineData(Languages.ZhCn)]
    public void Custom_pics_is_stored_per_language_and_trimmed(string language)
    {
        var org = new Organisation { Name = "x", Slug = "xyz" };
        org.SetCustomPics(language, "  our statement  ");
        Assert.Equal("our statement", org.CustomPics(language));
        Assert.Single(Languages.All, l => org.CustomPics(l) is not null);
    }

    [Fact]
    public void Blank_pics_clears_the_custom_text()
    {
        var org = new Organisation { Name = "x", Slug = "xyz", PicsEn = "old" };
        org.SetCustomPics(Languages.En, "   ");
        Assert.Null(org.PicsEn);
    }

    [Fact]
    public void Unknown_language_falls_back_to_traditional_chinese()
    {
        var org = new Organisation { Name = "x", Slug = "xyz", PicsZhHk = "繁體" };
        Assert.Equal("繁體", org.CustomPics("fr"));
    }
}

public class ProgrammeNameTests
{
    [Theory]
    [InlineData("長者送飯")]
    [InlineData("  課後輔導 ")]
    public void Names_are_accepted(string name) => Assert.Null(ProgrammeErrors.ValidateName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_names_are_required(string? name) => Assert.Equal(ProgrammeErrors.NameRequired, ProgrammeErrors.ValidateName(name));

    [Fact]
    public void Over_long_names_are_refused() =>
        Assert.Equal(ProgrammeErrors.NameTooLong, ProgrammeErrors.ValidateName(new string('服', Limits.Name + 1)));
}
