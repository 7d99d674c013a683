using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>Who may sign up to a shift, and a refusal that names what is missing.</summary>
public class EligibilityTests
{
    private static readonly TimeZoneInfo HongKong = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");

    // Saturday 12 December 2026, 00:30 in Hong Kong: still 11 December in UTC.
    private static readonly DateTimeOffset Start = new(2026, 12, 12, 0, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly ShiftDay = new(2026, 12, 12);
    private static readonly DateTimeOffset Now = Start.AddDays(-7);

    private static ShiftRequirements Shift(int? minimumAge = null, bool cancelled = false, int? deadlineMinutes = null, params string[] skills) =>
        new(Start, cancelled, deadlineMinutes, skills, minimumAge);

    private static MemberFacts Person(bool active = true, DateOnly? born = null, params HeldSkill[] skills) => new(active, skills, born);

    private static IReadOnlyList<Error> Check(ShiftRequirements shift, MemberFacts person, DateTimeOffset? now = null) =>
        Eligibility.Check(shift, person, HongKong, now ?? Now);

    [Fact]
    public void An_active_member_with_nothing_asked_of_them_may_sign_up()
    {
        Assert.Empty(Check(Shift(), Person()));
        Assert.Null(Eligibility.First(Shift(), Person(), HongKong, Now));
    }

    [Fact]
    public void A_member_whose_membership_is_not_active_is_told_so()
    {
        var error = Assert.Single(Check(Shift(), Person(active: false)));
        Assert.Equal("signup.not_eligible", error.Code);
        Assert.Equal("Error.MembershipInactive", error.MessageKey);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Each_missing_skill_is_named()
    {
        var errors = Check(Shift(skills: ["急救證書", "性罪行定罪紀錄查核"]), Person(skills: new HeldSkill("急救證書", true, null)));
        var error = Assert.Single(errors);
        Assert.Equal("Error.MissingSkill", error.MessageKey);
        Assert.Equal(["性罪行定罪紀錄查核"], error.Args);
    }

    [Fact]
    public void A_skill_not_yet_verified_counts_as_missing() =>
        Assert.Equal(["急救證書"], Check(Shift(skills: "急救證書"), Person(skills: new HeldSkill("急救證書", false, null))).SelectMany(e => e.Args));

    [Fact]
    public void A_certificate_expiring_on_the_shifts_local_date_is_still_valid_and_the_day_before_is_not()
    {
        Assert.Empty(Check(Shift(skills: "急救證書"), Person(skills: new HeldSkill("急救證書", true, ShiftDay))));
        Assert.Equal(["急救證書"], Check(Shift(skills: "急救證書"), Person(skills: new HeldSkill("急救證書", true, ShiftDay.AddDays(-1)))).SelectMany(e => e.Args));
    }

    [Fact]
    public void Someone_who_turns_the_minimum_age_on_the_shifts_local_date_may_come_and_a_day_younger_may_not()
    {
        Assert.Empty(Check(Shift(minimumAge: 18), Person(born: ShiftDay.AddYears(-18))));
        var error = Assert.Single(Check(Shift(minimumAge: 18), Person(born: ShiftDay.AddYears(-18).AddDays(1))));
        Assert.Equal("Error.TooYoung", error.MessageKey);
        Assert.Equal([18], error.Args);
    }

    [Fact]
    public void Without_a_birth_date_age_unknown_is_missing_only_when_a_minimum_age_is_set()
    {
        Assert.Empty(Check(Shift(), Person(born: null)));
        var error = Assert.Single(Check(Shift(minimumAge: 16), Person(born: null)));
        Assert.Equal("Error.AgeUnknown", error.MessageKey);
        Assert.Equal([16], error.Args);
    }

    [Theory]
    [InlineData(2008, 2, 29, 2026, 2, 28, 17)]
    [InlineData(2008, 2, 29, 2026, 3, 1, 18)]
    [InlineData(2008, 2, 29, 2028, 2, 29, 20)]
    [InlineData(2000, 12, 31, 2026, 12, 30, 25)]
    [InlineData(2000, 12, 31, 2026, 12, 31, 26)]
    public void Age_in_whole_years_and_a_29_February_birthday_comes_on_1_March_in_other_years(int by, int bm, int bd, int oy, int om, int od, int age) =>
        Assert.Equal(age, Eligibility.AgeOn(new DateOnly(by, bm, bd), new DateOnly(oy, om, od)));

    [Fact]
    public void Sign_up_closes_at_the_registration_deadline()
    {
        var shift = Shift(deadlineMinutes: 2 * 24 * 60);
        Assert.Empty(Check(shift, Person(), Start.AddDays(-2).AddTicks(-1)));
        var error = Assert.Single(Check(shift, Person(), Start.AddDays(-2)));
        Assert.Equal("signup.deadline_passed", error.Code);
    }

    [Fact]
    public void A_shift_that_has_started_says_so_and_not_also_that_the_deadline_passed()
    {
        var errors = Check(Shift(deadlineMinutes: 60), Person(), Start);
        Assert.Equal(["signup.started"], errors.Select(e => e.Code));
        Assert.Empty(Check(Shift(), Person(), Start.AddTicks(-1)));
    }

    [Fact]
    public void A_cancelled_shift_says_only_that_it_is_cancelled() =>
        Assert.Equal(["signup.shift_cancelled"], Check(Shift(minimumAge: 18, cancelled: true, skills: "急救證書"), Person(active: false), Start).Select(e => e.Code));

    [Fact]
    public void Every_missing_requirement_is_listed_in_order_and_the_first_is_the_headline()
    {
        var shift = Shift(minimumAge: 18, deadlineMinutes: 24 * 60, skills: ["急救證書", "駕駛執照"]);
        var errors = Check(shift, Person(active: false), Start.AddHours(-1));
        Assert.Equal(
            ["Error.RegistrationClosed", "Error.MembershipInactive", "Error.AgeUnknown", "Error.MissingSkill", "Error.MissingSkill"],
            errors.Select(e => e.MessageKey));
        Assert.Equal(errors[0], Eligibility.First(shift, Person(active: false), HongKong, Start.AddHours(-1)));
    }
}
