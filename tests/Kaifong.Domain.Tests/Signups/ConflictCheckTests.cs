using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>Overlap, rest and limits at their boundaries, in Hong Kong and in another time zone.</summary>
public class ConflictCheckTests
{
    private static readonly TimeZoneInfo HongKong = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly Guid Ours = Guid.NewGuid();
    private static readonly Guid Theirs = Guid.NewGuid();

    /// <summary>A shift of <paramref name="hours"/> starting at a Hong Kong local time.</summary>
    private static Commitment Hk(int month, int day, int hour, double hours = 3, Guid? organisation = null, int year = 2026, int minute = 0)
    {
        var start = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
        return new(Guid.NewGuid(), start, start.AddHours(hours), organisation ?? Ours);
    }

    private static IReadOnlyList<string> Keys(Commitment shift, IEnumerable<Commitment> others, ConflictRules rules, TimeZoneInfo? zone = null) =>
        ConflictCheck.Find(shift, others, rules, zone ?? HongKong).Select(c => c.Error.MessageKey).ToArray();

    [Fact]
    public void A_shift_that_starts_when_the_other_ends_does_not_overlap()
    {
        var morning = Hk(12, 7, 9);
        Assert.Empty(Keys(Hk(12, 7, 12), [morning], ConflictRules.None));
        Assert.Empty(Keys(Hk(12, 7, 6), [morning], ConflictRules.None));
    }

    [Theory]
    [InlineData(11, 59, 1)]
    [InlineData(8, 0, 2)]
    [InlineData(10, 0, 1)]
    [InlineData(7, 0, 6)]
    public void Shifts_sharing_any_time_overlap(int hour, int minute, double hours) =>
        Assert.Equal(["Error.SignupOverlap"], Keys(Hk(12, 7, hour, hours, minute: minute), [Hk(12, 7, 9)], ConflictRules.None));

    [Fact]
    public void Another_organisations_shift_counts_for_overlap_and_the_error_does_not_say_whose()
    {
        var found = ConflictCheck.Find(Hk(12, 7, 10), [Hk(12, 7, 9, organisation: Theirs)], ConflictRules.None, HongKong);
        var overlap = Assert.Single(found);
        Assert.Equal("signup.overlap", overlap.Error.Code);
        Assert.Empty(overlap.Error.Args);
        Assert.False(overlap.Overridable);
    }

    [Fact]
    public void The_shift_itself_in_the_list_is_not_a_clash_with_itself()
    {
        var shift = Hk(12, 7, 9);
        Assert.Empty(Keys(shift, [shift], new ConflictRules(60, 1, 1)));
    }

    [Fact]
    public void Rest_exactly_at_the_minimum_is_enough_and_a_minute_less_is_not_on_either_side()
    {
        var rules = new ConflictRules(60, null, null);
        var morning = Hk(12, 7, 9);
        Assert.Empty(Keys(Hk(12, 7, 13), [morning], rules));
        Assert.Equal(["Error.SignupRest"], Keys(Hk(12, 7, 12, minute: 59), [morning], rules));
        Assert.Empty(Keys(Hk(12, 7, 5), [morning], rules));
        Assert.Equal(["Error.SignupRest"], Keys(Hk(12, 7, 5, minute: 1), [morning], rules));
    }

    [Fact]
    public void Rest_names_the_minimum_and_a_coordinator_may_override_it()
    {
        var rest = Assert.Single(ConflictCheck.Find(Hk(12, 7, 12), [Hk(12, 7, 9, organisation: Theirs)], new ConflictRules(45, null, null), HongKong));
        Assert.Equal("signup.rest", rest.Error.Code);
        Assert.Equal([45], rest.Error.Args);
        Assert.True(rest.Overridable);
    }

    [Fact]
    public void No_minimum_rest_allows_back_to_back_shifts() =>
        Assert.Empty(Keys(Hk(12, 7, 12), [Hk(12, 7, 9)], new ConflictRules(0, null, null)));

    [Fact]
    public void The_weekly_limit_counts_this_shift_and_the_others_in_the_same_Monday_to_Sunday_week()
    {
        var rules = new ConflictRules(0, 2, null);
        var monday = Hk(12, 7, 9);
        var sunday = Hk(12, 13, 9);
        Assert.Empty(Keys(Hk(12, 9, 9), [monday], rules));
        var over = Assert.Single(ConflictCheck.Find(Hk(12, 9, 9), [monday, sunday], rules, HongKong));
        Assert.Equal("signup.over_limit", over.Error.Code);
        Assert.Equal("Error.SignupWeeklyLimit", over.Error.MessageKey);
        Assert.Equal([2], over.Error.Args);
        Assert.True(over.Overridable);
    }

    [Fact]
    public void A_week_starts_on_Monday_at_local_midnight()
    {
        var rules = new ConflictRules(0, 1, null);
        var lateSunday = Hk(12, 6, 23, 0.5);
        var earlyMonday = Hk(12, 7, 0, 1);
        Assert.Empty(Keys(earlyMonday, [lateSunday], rules));
        Assert.Equal(["Error.SignupWeeklyLimit"], Keys(Hk(12, 13, 23, 0.5), [earlyMonday], rules));
    }

    [Fact]
    public void The_week_across_new_year_is_one_ISO_week_but_two_months()
    {
        var rules = new ConflictRules(0, 1, 1);
        var newYearsDay = Hk(1, 1, 9, year: 2027);
        Assert.Equal(["Error.SignupWeeklyLimit"], Keys(newYearsDay, [Hk(12, 31, 9)], rules));
    }

    [Fact]
    public void The_monthly_limit_counts_the_calendar_month_to_its_last_day()
    {
        var rules = new ConflictRules(0, null, 2);
        var others = new[] { Hk(12, 1, 0, 1), Hk(12, 15, 9) };
        var over = Assert.Single(ConflictCheck.Find(Hk(12, 31, 23, 0.5), others, rules, HongKong));
        Assert.Equal("Error.SignupMonthlyLimit", over.Error.MessageKey);
        Assert.Equal([2], over.Error.Args);
        Assert.Empty(Keys(Hk(11, 30, 23, 0.5), others, rules));
        Assert.Empty(Keys(Hk(1, 1, 0, 1, year: 2027), others, rules));
    }

    [Fact]
    public void A_shift_crossing_midnight_counts_on_the_day_it_starts()
    {
        var rules = new ConflictRules(0, null, 1);
        var overnight = Hk(11, 30, 22, 8);
        Assert.Empty(Keys(Hk(12, 1, 9), [overnight], rules));
        Assert.Equal(["Error.SignupMonthlyLimit"], Keys(Hk(11, 2, 9), [overnight], rules));
    }

    [Fact]
    public void Another_organisations_shifts_do_not_count_towards_this_organisations_limits()
    {
        var rules = new ConflictRules(0, 1, 1);
        Assert.Empty(Keys(Hk(12, 9, 9), [Hk(12, 8, 9, organisation: Theirs), Hk(12, 20, 9, organisation: Theirs)], rules));
    }

    [Fact]
    public void No_limit_means_any_number_of_shifts()
    {
        var others = Enumerable.Range(1, 30).Select(d => Hk(12, d, 9)).ToArray();
        Assert.Empty(Keys(Hk(12, 31, 9), others, ConflictRules.None));
    }

    [Fact]
    public void A_limit_of_zero_refuses_every_shift() =>
        Assert.Equal(["Error.SignupWeeklyLimit", "Error.SignupMonthlyLimit"], Keys(Hk(12, 9, 9), [], new ConflictRules(0, 0, 0)));

    [Fact]
    public void A_persons_own_limit_replaces_the_organisations_and_rest_stays_the_organisations()
    {
        var organisation = new ConflictRules(30, 2, 8);
        Assert.Equal(new ConflictRules(30, 1, 8), ConflictRules.For(organisation, 1, null));
        Assert.Equal(new ConflictRules(30, 2, 12), ConflictRules.For(organisation, null, 12));
        Assert.Equal(organisation, ConflictRules.For(organisation, null, null));
    }

    [Fact]
    public void Weeks_and_months_follow_the_organisations_own_time_zone()
    {
        // Sunday 31 May 2026 23:30 UTC is Monday 1 June 00:30 in London (BST) but already Monday 07:30 in Hong Kong.
        var utcSunday = new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero);
        var shift = new Commitment(Guid.NewGuid(), utcSunday, utcSunday.AddHours(2), Ours);
        var saturday = new DateTimeOffset(2026, 5, 30, 9, 0, 0, TimeSpan.FromHours(1));
        var earlier = new Commitment(Guid.NewGuid(), saturday, saturday.AddHours(2), Ours);
        var rules = new ConflictRules(0, 1, 1);
        Assert.Empty(Keys(shift, [earlier], rules, London));

        // 22:30 UTC is still Sunday 23:30 in London: the same week and month as Saturday.
        var stillSunday = new Commitment(Guid.NewGuid(), utcSunday.AddHours(-1), utcSunday.AddHours(1), Ours);
        Assert.Equal(["Error.SignupWeeklyLimit", "Error.SignupMonthlyLimit"], Keys(stillSunday, [earlier], rules, London));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var rules = new ConflictRules(120, 1, 1);
        var keys = Keys(Hk(12, 7, 10), [Hk(12, 7, 9, 2), Hk(12, 7, 14)], rules);
        Assert.Equal(["Error.SignupOverlap", "Error.SignupRest", "Error.SignupWeeklyLimit", "Error.SignupMonthlyLimit"], keys);
    }

    [Fact]
    public void An_overlap_stops_the_sign_up_even_when_a_coordinator_overrides()
    {
        var found = ConflictCheck.Find(Hk(12, 7, 10), [Hk(12, 7, 9)], new ConflictRules(0, 0, null), HongKong);
        Assert.Equal("signup.overlap", ConflictCheck.Verdict(found, true, "短缺人手")?.Code);
    }

    [Fact]
    public void A_volunteer_cannot_pass_a_limit_and_a_coordinator_can_with_a_reason()
    {
        var found = ConflictCheck.Find(Hk(12, 9, 9), [Hk(12, 7, 9)], new ConflictRules(0, 1, null), HongKong);
        Assert.Equal("signup.over_limit", ConflictCheck.Verdict(found, false, "想多做一更")?.Code);
        Assert.Equal(SignupErrors.OverrideReasonRequired, ConflictCheck.Verdict(found, true, "  "));
        Assert.Equal(SignupErrors.OverrideReasonRequired, ConflictCheck.Verdict(found, true, null));
        Assert.Equal(SignupErrors.OverrideReasonTooLong, ConflictCheck.Verdict(found, true, new string('長', Common.Limits.AuditDetail + 1)));
        Assert.Null(ConflictCheck.Verdict(found, true, "聖誕節人手不足，本人同意"));
    }

    [Fact]
    public void No_problem_needs_no_reason() =>
        Assert.Null(ConflictCheck.Verdict([], false, null));
}
