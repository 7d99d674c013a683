using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Tests;

/// <summary>Recurrence against RFC 5545's own examples (section 3.8.5.3), month ends, daylight saving, and the rules we add.</summary>
public class RecurrenceTests
{
    private static DateTime At(int y, int m, int d, int h = 9) => new(y, m, d, h, 0, 0, DateTimeKind.Unspecified);

    private static List<DateOnly> Dates(string rule, DateTime first, int take = 100) =>
        Recurrence.Occurrences(rule, first, DateOnly.MinValue, DateOnly.FromDateTime(first).AddYears(6)).Take(take).Select(DateOnly.FromDateTime).ToList();

    [Fact]
    public void Every_other_week_on_Tuesday_and_Thursday_for_eight_occurrences()
    {
        var dates = Dates("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", At(1997, 9, 2));
        Assert.Equal(
            [new(1997, 9, 2), new(1997, 9, 4), new(1997, 9, 16), new(1997, 9, 18), new(1997, 9, 30), new(1997, 10, 2), new(1997, 10, 14), new(1997, 10, 16)],
            dates);
    }

    [Fact]
    public void Monthly_on_the_last_weekday()
    {
        var dates = Dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6", At(1997, 9, 30));
        Assert.Equal([new(1997, 9, 30), new(1997, 10, 31), new(1997, 11, 28), new(1997, 12, 31), new(1998, 1, 30), new(1998, 2, 27)], dates);
    }

    [Fact]
    public void Yearly_in_June_and_July_for_ten_occurrences()
    {
        var dates = Dates("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", At(1997, 6, 10));
        Assert.Equal(10, dates.Count);
        Assert.Equal(new DateOnly(1997, 7, 10), dates[1]);
        Assert.Equal(new DateOnly(2001, 7, 10), dates[^1]);
        Assert.All(dates, d => Assert.Equal(10, d.Day));
    }

    [Fact]
    public void Monthly_on_the_31st_skips_short_months_and_the_last_day_does_not()
    {
        Assert.Equal([new(2026, 1, 31), new(2026, 3, 31), new(2026, 5, 31), new(2026, 7, 31)], Dates("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", At(2026, 1, 31)));
        Assert.Equal([new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30)], Dates("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4", At(2026, 1, 31)));
        Assert.Equal([new(2028, 1, 31), new(2028, 2, 29)], Dates("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=2", At(2028, 1, 31)));
    }

    [Fact]
    public void The_first_Saturday_of_each_month_in_plain_words()
    {
        var rule = RecurrencePatterns.Build(RecurrencePattern.MonthlyNthWeekday, new DateOnly(2026, 12, 5), [], new DateOnly(2027, 3, 31));
        Assert.Equal("FREQ=MONTHLY;BYDAY=1SA;UNTIL=20270331T235959", rule);
        Assert.Equal([new(2026, 12, 5), new(2027, 1, 2), new(2027, 2, 6), new(2027, 3, 6)], Dates(rule!, At(2026, 12, 5, 17)));
    }

    [Theory]
    [InlineData(RecurrencePattern.Weekdays, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261231T235959", 23)]
    [InlineData(RecurrencePattern.Daily, "FREQ=DAILY;UNTIL=20261231T235959", 31)]
    [InlineData(RecurrencePattern.EveryTwoWeeks, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;UNTIL=20261231T235959", 7)]
    [InlineData(RecurrencePattern.Weekly, "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261231T235959", 13)]
    // 1 December 2026 is a Tuesday: a Mon/Wed/Fri series starting then begins on the 2nd (the first date is not an extra occurrence).
    public void Plain_word_patterns_make_the_rules_people_mean(RecurrencePattern pattern, string expected, int inDecember)
    {
        var rule = RecurrencePatterns.Build(pattern, new DateOnly(2026, 12, 1), [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday], new DateOnly(2026, 12, 31));
        Assert.Equal(expected, rule);
        Assert.True(Recurrence.Validate(rule, At(2026, 12, 1)).IsSuccess);
        Assert.Equal(inDecember, Dates(rule!, At(2026, 12, 1)).Count);
    }

    [Theory]
    [InlineData("FREQ=SOMETIMES", "activity.invalid_rrule")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX;COUNT=3", "activity.invalid_rrule")]
    [InlineData("", "activity.invalid_rrule")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO", "activity.rrule_unbounded")]
    [InlineData("FREQ=HOURLY;COUNT=10", "activity.rrule_too_frequent")]
    [InlineData("FREQ=MINUTELY;COUNT=10", "activity.rrule_too_frequent")]
    [InlineData("FREQ=DAILY;COUNT=731", "activity.rrule_too_long")]
    [InlineData("FREQ=DAILY;UNTIL=20300101T000000", "activity.rrule_too_long")]
    [InlineData("FREQ=DAILY;COUNT=0", "activity.invalid_rrule")]
    public void Bad_rules_are_refused_with_a_reason(string rule, string code)
    {
        var result = Recurrence.Validate(rule, At(2026, 12, 1));
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void A_rule_that_never_happens_is_refused()
    {
        var result = Recurrence.Validate("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", At(2026, 12, 1));
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Error!.Code, new[] { "activity.rrule_empty", "activity.invalid_rrule" });
    }

    [Fact]
    public void A_series_split_ends_the_day_before_and_the_rest_keeps_the_count()
    {
        const string rule = "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12";
        var first = At(2026, 12, 7);
        var before = Recurrence.EndBefore(rule, new DateOnly(2026, 12, 21));
        var rest = Recurrence.Remainder(rule, first, new DateOnly(2026, 12, 21));
        Assert.Equal(6, Dates(before, first).Count);
        Assert.Equal(new DateOnly(2026, 12, 18), Dates(before, first)[^1]);
        Assert.Equal(6, Dates(rest, At(2026, 12, 21)).Count);
        Assert.Equal(Dates(rule, first).Skip(6), Dates(rest, At(2026, 12, 21)));
    }

    [Fact]
    public void Occurrences_keep_local_time_across_daylight_saving_for_an_organisation_outside_Hong_Kong()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var activity = new Activity
        {
            Title = "Food bank", StartDate = new DateOnly(2026, 3, 21), StartTime = new TimeOnly(9, 0), DurationMinutes = 180,
            RRule = "FREQ=WEEKLY;COUNT=3", Shifts = [new ShiftDefinition("Packer", new(9, 0), new(12, 0), 1, 2, 2, [])],
        };
        var planned = Materialiser.Plan(activity, london, DateOnly.MinValue, new DateOnly(2026, 12, 31)).ToList();
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.Zero), planned[0].Start); // GMT
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), planned[1].Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 4, 8, 0, 0, TimeSpan.Zero), planned[2].Start); // BST: 09:00 local is 08:00 UTC
        Assert.Equal(planned[2].Start, planned[2].Shifts[0].Start);
        Assert.Equal(TimeSpan.FromHours(3), planned[2].End - planned[2].Start);
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_moves_forward_and_a_repeated_one_means_the_first()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), ZonedTime.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0), london));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), ZonedTime.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0), london));
        var hk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), ZonedTime.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), hk));
    }

    [Fact]
    public void An_overnight_shift_ends_the_next_morning()
    {
        var hk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");
        var shelter = new Activity
        {
            Title = "寒冬夜宿", StartDate = new DateOnly(2026, 12, 20), StartTime = new TimeOnly(22, 0), DurationMinutes = 9 * 60,
            Shifts = [new ShiftDefinition("當值", new(22, 0), new(2, 0), 1, 1, 1, []), new ShiftDefinition("早更", new(2, 0), new(7, 0), 1, 1, 1, [])],
        };
        var plan = Materialiser.Plan(shelter, hk, DateOnly.MinValue, new DateOnly(2026, 12, 31)).Single();
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 14, 0, 0, TimeSpan.Zero), plan.Shifts[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 18, 0, 0, TimeSpan.Zero), plan.Shifts[0].End);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 18, 0, 0, TimeSpan.Zero), plan.Shifts[1].Start); // 02:00 the next day
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 23, 0, 0, TimeSpan.Zero), plan.Shifts[1].End);
    }

    [Theory]
    [InlineData(0, 1, 2, 2, FillState.Gap)]
    [InlineData(1, 1, 2, 2, FillState.Short)]
    [InlineData(0, 0, 1, 3, FillState.Short)]
    [InlineData(2, 1, 2, 3, FillState.Filled)]
    [InlineData(3, 1, 2, 3, FillState.Full)]
    [InlineData(2, 1, 2, 2, FillState.Full)]
    public void Fill_state_follows_the_headcount(int assigned, int minimum, int target, int maximum, FillState expected) =>
        Assert.Equal(expected, FillStates.Of(assigned, minimum, target, maximum));

    [Fact]
    public void A_template_covers_the_rest_of_a_month_from_a_date()
    {
        var template = new ShiftTemplate
        {
            Name = "送飯上午班", Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Shift = new ShiftDefinition("送飯", new(9, 0), new(12, 0), 2, 4, 4, []),
        };
        var rule = template.RuleFor(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 26))!.Value;
        Assert.Equal(new DateOnly(2026, 11, 26), rule.First);
        Assert.Equal(3, Dates(rule.Rule, rule.First.ToDateTime(new TimeOnly(9, 0))).Count); // 26, 27, 30 November
        Assert.Null(template.RuleFor(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Eligibility_needs_every_skill_verified_and_unexpired_on_the_day()
    {
        var held = new[] { new HeldSkill("急救證書", true, new DateOnly(2026, 12, 10)), new HeldSkill("駕駛執照", false, null) };
        Assert.Empty(Eligibility.MissingSkills(["急救證書"], held, new DateOnly(2026, 12, 10)));
        Assert.Equal(["急救證書"], Eligibility.MissingSkills(["急救證書"], held, new DateOnly(2026, 12, 11)));
        Assert.Equal(["駕駛執照"], Eligibility.MissingSkills(["駕駛執照", "急救證書"], held, new DateOnly(2026, 12, 1)));
        var start = new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
        Assert.True(Eligibility.RegistrationOpen(start, 2 * 24 * 60, start.AddDays(-3)));
        Assert.False(Eligibility.RegistrationOpen(start, 2 * 24 * 60, start.AddDays(-1)));
        Assert.False(Eligibility.RegistrationOpen(start, null, start));
    }
}
