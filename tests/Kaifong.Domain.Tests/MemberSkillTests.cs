using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.People;

namespace Kaifong.Domain.Tests;

public class MemberSkillTests
{
    private static readonly DateOnly Expiry = new(2027, 6, 30);

    private static MemberSkill Skill(bool verified, DateOnly? expiresOn) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = Guid.NewGuid(),
        MembershipId = Guid.NewGuid(),
        Name = "急救證書",
        Verified = verified,
        ExpiresOn = expiresOn,
    };

    [Theory]
    [InlineData(-1, true)]   // the day before expiry
    [InlineData(0, true)]    // the expiry date itself is still valid
    [InlineData(1, false)]   // the day after
    [InlineData(400, false)]
    public void Expiry_date_is_the_last_valid_day(int daysFromExpiry, bool valid)
    {
        var date = Expiry.AddDays(daysFromExpiry);
        Assert.Equal(valid, Skill(verified: true, Expiry).IsValidOn(date, mustBeVerified: true));
        Assert.Equal(valid, Skill(verified: true, Expiry).IsValidOn(date, mustBeVerified: false));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Verification_matters_only_when_asked_for(bool verified, bool mustBeVerified, bool valid) =>
        Assert.Equal(valid, Skill(verified, Expiry).IsValidOn(Expiry, mustBeVerified));

    [Fact]
    public void An_unverified_skill_is_invalid_even_before_expiry_when_verification_is_required() =>
        Assert.False(Skill(verified: false, Expiry).IsValidOn(Expiry.AddDays(-100), mustBeVerified: true));

    [Fact]
    public void An_expired_verified_skill_is_invalid_either_way()
    {
        var s = Skill(verified: true, Expiry);
        Assert.False(s.IsValidOn(Expiry.AddDays(1), mustBeVerified: true));
        Assert.False(s.IsValidOn(Expiry.AddDays(1), mustBeVerified: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_skill_without_expiry_never_expires(bool verified) =>
        Assert.True(Skill(verified, null).IsValidOn(new DateOnly(2099, 12, 31), mustBeVerified: verified));
}

public class MemberSkillRulesTests
{
    [Fact]
    public void Names_are_trimmed_and_deduplicated_keeping_the_last_entry_for_each_name()
    {
        var expiry = new DateOnly(2027, 3, 31);
        var (skills, errors) = MemberSkillRules.Validate(
        [
            new SkillInput(" 急救證書 ", false, null),
            new SkillInput("駕駛執照", true, null),
            new SkillInput("急救證書", true, expiry),
        ]);
        Assert.Empty(errors);
        Assert.Equal([new SkillInput("急救證書", true, expiry), new SkillInput("駕駛執照", true, null)], skills);
    }

    [Fact]
    public void Case_only_differences_are_one_skill()
    {
        var (skills, _) = MemberSkillRules.Validate([new SkillInput("English", false, null), new SkillInput("ENGLISH ", true, null)]);
        var only = Assert.Single(skills!);
        Assert.Equal("English", only.Name);
        Assert.True(only.Verified);
    }

    [Fact]
    public void Blank_names_are_dropped()
    {
        var (skills, errors) = MemberSkillRules.Validate([new SkillInput(null, true, null), new SkillInput(" ", true, null), new SkillInput("普通話", false, null)]);
        Assert.Empty(errors);
        Assert.Equal([new SkillInput("普通話", false, null)], skills);
    }

    [Fact]
    public void Null_input_is_an_empty_list()
    {
        var (skills, errors) = MemberSkillRules.Validate(null);
        Assert.Empty(errors);
        Assert.Empty(skills!);
    }

    [Fact]
    public void Invalid_names_give_errors_and_no_skills()
    {
        var (skills, errors) = MemberSkillRules.Validate([new SkillInput(new string('x', Limits.SkillName + 1), true, null)]);
        Assert.Null(skills);
        Assert.Equal([ProfileErrors.SkillInvalid], errors);
    }
}
