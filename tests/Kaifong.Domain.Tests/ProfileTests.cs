using Kaifong.Domain.Common;
using Kaifong.Domain.People;

namespace Kaifong.Domain.Tests;

public class ProfileTests
{
    private static ProfileInput Input(
        string? name = "陳大文", string? language = null, string? phone = null, string? district = null, IReadOnlyList<string>? skills = null) =>
        new(name, language, phone, district, skills);

    [Fact]
    public void Minimal_profile_needs_only_a_name()
    {
        var (profile, errors) = ProfileRules.Validate(Input());
        Assert.Empty(errors);
        Assert.NotNull(profile);
        Assert.Equal("陳大文", profile.DisplayName);
        Assert.Equal(Languages.ZhHk, profile.Language);
        Assert.Null(profile.Phone);
        Assert.Null(profile.District);
        Assert.Empty(profile.Skills);
    }

    [Fact]
    public void Full_profile_is_normalised()
    {
        var (profile, errors) = ProfileRules.Validate(Input("  Priya Gurung ", " EN ", "9123 4567", "tsuen wan", [" 急救證書 ", "英語"]));
        Assert.Empty(errors);
        Assert.NotNull(profile);
        Assert.Equal("Priya Gurung", profile.DisplayName);
        Assert.Equal(Languages.En, profile.Language);
        Assert.Equal("+85291234567", profile.Phone);
        Assert.Equal(District.TsuenWan, profile.District);
        Assert.Equal(["急救證書", "英語"], profile.Skills);
    }

    [Fact]
    public void All_errors_are_collected_at_once()
    {
        var (profile, errors) = ProfileRules.Validate(Input("   ", "fr", "12", "Atlantis", [new string('x', Limits.SkillName + 1)]));
        Assert.Null(profile);
        Assert.Equal(
            [ProfileErrors.DisplayNameRequired, ProfileErrors.UnknownLanguage, ProfileErrors.InvalidPhone, ProfileErrors.UnknownDistrict, ProfileErrors.SkillInvalid],
            errors);
        Assert.Equal(["displayName", "language", "phone", "district", "skills"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Display_name_is_required(string? name) =>
        Assert.Equal([ProfileErrors.DisplayNameRequired], ProfileRules.Validate(Input(name)).Errors);

    [Fact]
    public void Display_name_length_is_measured_after_trimming()
    {
        var atLimit = new string('陳', Limits.DisplayName);
        var (profile, errors) = ProfileRules.Validate(Input("  " + atLimit + "  "));
        Assert.Empty(errors);
        Assert.Equal(atLimit, profile!.DisplayName);

        Assert.Equal([ProfileErrors.DisplayNameTooLong], ProfileRules.Validate(Input(atLimit + "陳")).Errors);
    }

    [Theory]
    [InlineData("zh-HK", "zh-HK")]
    [InlineData("zh-hk", "zh-HK")]
    [InlineData("en", "en")]
    [InlineData("ZH-CN", "zh-CN")]
    [InlineData(null, "zh-HK")]
    [InlineData("  ", "zh-HK")]
    public void Language_is_matched_case_insensitively_and_defaults_to_traditional_chinese(string? input, string expected) =>
        Assert.Equal(expected, ProfileRules.Validate(Input(language: input)).Profile!.Language);

    [Theory]
    [InlineData("fr")]
    [InlineData("zh-TW")]
    [InlineData("en-GB")]
    public void Other_languages_are_refused(string language) =>
        Assert.Equal([ProfileErrors.UnknownLanguage], ProfileRules.Validate(Input(language: language)).Errors);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_phone_and_district_are_simply_absent(string? blank)
    {
        var (profile, errors) = ProfileRules.Validate(Input(phone: blank, district: blank));
        Assert.Empty(errors);
        Assert.Null(profile!.Phone);
        Assert.Null(profile.District);
    }

    [Theory]
    [InlineData("荃灣", District.TsuenWan)]
    [InlineData("KwaiTsing", District.KwaiTsing)]
    [InlineData("深水埗", District.ShamShuiPo)]
    public void District_is_parsed(string input, District expected) =>
        Assert.Equal(expected, ProfileRules.Validate(Input(district: input)).Profile!.District);

    [Fact]
    public void Skills_are_trimmed_blanks_dropped_and_duplicates_removed_case_insensitively_keeping_first()
    {
        var (profile, errors) = ProfileRules.Validate(Input(skills: ["First Aid", " first aid ", "", "  ", "英語", "FIRST AID", "英語 ", "Cooking"]));
        Assert.Empty(errors);
        Assert.Equal(["First Aid", "英語", "Cooking"], profile!.Skills);
    }

    [Fact]
    public void Null_skill_list_is_empty() =>
        Assert.Empty(ProfileRules.Validate(Input(skills: null)).Profile!.Skills);

    [Fact]
    public void Skill_name_at_the_limit_is_fine_and_one_over_is_invalid()
    {
        Assert.Empty(ProfileRules.Validate(Input(skills: [new string('技', Limits.SkillName)])).Errors);
        Assert.Equal([ProfileErrors.SkillInvalid], ProfileRules.Validate(Input(skills: [new string('技', Limits.SkillName + 1)])).Errors);
    }

    [Fact]
    public void Control_characters_in_a_skill_are_invalid() =>
        Assert.Equal([ProfileErrors.SkillInvalid], ProfileRules.Validate(Input(skills: ["first\naid"])).Errors);

    [Fact]
    public void Thirty_distinct_skills_are_fine_and_thirty_one_too_many()
    {
        var thirty = Enumerable.Range(1, Limits.SkillsPerPerson).Select(i => $"skill {i}").ToArray();
        Assert.Equal(thirty, ProfileRules.Validate(Input(skills: thirty)).Profile!.Skills);

        var tooMany = thirty.Append("one more").ToArray();
        Assert.Equal([ProfileErrors.TooManySkills], ProfileRules.Validate(Input(skills: tooMany)).Errors);
    }

    [Fact]
    public void Duplicates_do_not_count_towards_the_skill_limit()
    {
        var thirty = Enumerable.Range(1, Limits.SkillsPerPerson).Select(i => $"skill {i}").ToArray();
        var withDuplicates = thirty.Concat(thirty.Select(s => s.ToUpperInvariant())).ToArray();
        Assert.Equal(thirty, ProfileRules.Validate(Input(skills: withDuplicates)).Profile!.Skills);
    }

    [Fact]
    public void Skill_rules_append_errors_to_the_given_list_and_return_nothing()
    {
        var errors = new List<Error> { ProfileErrors.InvalidPhone };
        var names = SkillRules.NormaliseNames(["ok", new string('x', 41)], errors);
        Assert.Empty(names);
        Assert.Equal([ProfileErrors.InvalidPhone, ProfileErrors.SkillInvalid], errors);
    }

    [Fact]
    public void Skill_rules_skip_null_names()
    {
        var errors = new List<Error>();
        Assert.Equal(["駕駛執照"], SkillRules.NormaliseNames([null, "駕駛執照", null], errors));
        Assert.Empty(errors);
    }
}
