using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Tests;

/// <summary>The pure rules behind issue 8's fixes: one text rule, the supported dates, RRULE parts, daylight saving, shift hours.</summary>
public class HardeningRulesTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Hk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");

    [Theory]
    [InlineData("  陳大文 ", "陳大文")]
    [InlineData("\uFEFF陳大文", "陳大文")]
    [InlineData("\uFEFF\uFEFF Amy", "Amy")]
    [InlineData("Amy 😀", "Amy 😀")]
    [InlineData("😀", "😀")]
    [InlineData("José", "José")]
    [InlineData("a\u200Db", "a\u200Db")] // a joiner inside visible text is part of it
    public void Good_text_is_trimmed_and_kept(string input, string expected)
    {
        var clean = FreeText.Clean(input, 60);
        Assert.Equal(TextFault.None, clean.Fault);
        Assert.Equal(expected, clean.Value);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("line\nbreak")]
    [InlineData("\u200B\u200B")]
    [InlineData("\u3164")]
    [InlineData("\u2800 \u2060")]
    [InlineData("\u0301\u0301")]
    public void Control_invisible_and_broken_text_is_invalid(string input)
    {
        var clean = FreeText.Clean(input, 60);
        Assert.Equal(TextFault.Invalid, clean.Fault);
        Assert.Null(clean.Value);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_invalid()
    {
        // Built at run time: attribute data would turn a lone surrogate into U+FFFD before the test saw it.
        Assert.Equal(TextFault.Invalid, FreeText.Clean(new string([(char)0xD800, 'x']), 60).Fault);
        Assert.Equal(TextFault.Invalid, FreeText.Clean(new string(['x', (char)0xDC00]), 60).Fault);
        Assert.Equal(TextFault.None, FreeText.Clean(new string([(char)0xD83D, (char)0xDE00]), 60).Fault);
    }

    [Fact]
    public void Multi_line_text_may_have_line_breaks_and_tabs_but_not_nul()
    {
        Assert.Equal("one\r\ntwo\tthree", FreeText.Clean("one\r\ntwo\tthree", 100, multiline: true).Value);
        Assert.Equal(TextFault.Invalid, FreeText.Clean("one\u0000two", 100, multiline: true).Fault);
    }

    [Fact]
    public void Length_is_checked_after_trimming_and_empty_is_empty()
    {
        Assert.Equal(TextFault.None, FreeText.Clean("  " + new string('長', 10) + "  ", 10).Fault);
        Assert.Equal(TextFault.TooLong, FreeText.Clean(new string('長', 11), 10).Fault);
        Assert.Equal(TextFault.Empty, FreeText.Clean("   ", 10).Fault);
        Assert.Equal(TextFault.Empty, FreeText.Clean("\uFEFF", 10).Fault);
        Assert.Equal(TextFault.Empty, FreeText.Clean(null, 10).Fault);
    }

    [Fact]
    public void Check_adds_the_fields_own_errors()
    {
        var missing = new Error("x.required", "Error.Required", Field: "name");
        var errors = new List<Error>();
        Assert.Null(FreeText.Check("", 10, "name", errors, missing));
        Assert.Null(FreeText.Check(new string('a', 11), 10, "name", errors, missing));
        Assert.Null(FreeText.Check("a\u0000", 10, "name", errors, missing));
        Assert.Null(FreeText.Check("", 10, "optional", errors));
        Assert.Equal(["x.required", "validation", "validation"], errors.Select(e => e.Code));
        Assert.Equal("Error.TooLong", errors[1].MessageKey);
        Assert.Equal("Error.InvalidText", errors[2].MessageKey);
        Assert.All(errors, e => Assert.Equal("name", e.Field));
    }

    [Theory]
    [InlineData("2026-12-02", true)]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2101-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-1-5", false)]
    [InlineData(null, false)]
    public void Dates_are_read_only_within_the_supported_years(string? text, bool ok) =>
        Assert.Equal(ok, Dates.Parse(text) is not null);

    [Theory]
    [InlineData("FREQ=DAILY;COUNT=700;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23", "activity.rrule_time_of_day")]
    [InlineData("FREQ=WEEKLY;COUNT=4;BYMINUTE=15", "activity.rrule_time_of_day")]
    [InlineData("FREQ=DAILY;COUNT=4;BYSECOND=0,30", "activity.rrule_time_of_day")]
    [InlineData("FREQ=HOURLY;COUNT=4", "activity.rrule_too_frequent")]
    [InlineData("FREQ=MINUTELY;COUNT=4", "activity.rrule_too_frequent")]
    [InlineData("FREQ=SECONDLY;COUNT=4", "activity.rrule_too_frequent")]
    public void A_rule_that_repeats_within_a_day_is_refused(string rule, string code) =>
        Assert.Equal(code, Recurrence.Validate(rule, new DateTime(2026, 12, 7, 9, 0, 0)).Error?.Code);

    [Theory]
    [InlineData("FREQ=MONTHLY;COUNT=6;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE,FR")]
    [InlineData("FREQ=DAILY;UNTIL=20281206T235959")]
    public void Ordinary_rules_still_pass(string rule) =>
        Assert.True(Recurrence.Validate(rule, new DateTime(2026, 12, 7, 9, 0, 0)).IsSuccess);

    [Fact]
    public void A_span_whose_start_is_skipped_keeps_its_length()
    {
        // 28 March 2027 in London: 01:00 GMT becomes 02:00 BST.
        var (start, end) = ZonedTime.Span(new DateTime(2027, 3, 28, 1, 30, 0), new DateTime(2027, 3, 28, 2, 30, 0), London);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), start); // 02:30 BST
        Assert.Equal(TimeSpan.FromHours(1), end - start);

        // Wall-clock elsewhere: an end in the gap only shortens nothing that people planned by the clock.
        var (s2, e2) = ZonedTime.Span(new DateTime(2027, 3, 28, 0, 0, 0), new DateTime(2027, 3, 28, 3, 0, 0), London);
        Assert.Equal(TimeSpan.FromHours(2), e2 - s2);
        var (s3, e3) = ZonedTime.Span(new DateTime(2026, 12, 7, 9, 0, 0), new DateTime(2026, 12, 7, 12, 0, 0), Hk);
        Assert.Equal(TimeSpan.FromHours(3), e3 - s3);
    }

    [Fact]
    public void A_weekly_series_that_meets_the_spring_forward_night_has_no_empty_shift()
    {
        var watch = new Activity
        {
            Title = "Night watch", StartDate = new DateOnly(2027, 3, 21), StartTime = new TimeOnly(1, 30), DurationMinutes = 60,
            RRule = "FREQ=WEEKLY;COUNT=3", Shifts = [new ShiftDefinition("Watch", new(1, 30), new(2, 30), 1, 1, 1, [])],
        };
        var plan = Materialiser.Plan(watch, London, DateOnly.MinValue, new DateOnly(2027, 12, 31)).ToList();
        Assert.Equal(3, plan.Count);
        Assert.All(plan, p => Assert.Equal(TimeSpan.FromHours(1), p.End - p.Start));
        Assert.All(plan, p => Assert.Equal(TimeSpan.FromHours(1), p.Shifts[0].End - p.Shifts[0].Start));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), plan[1].Shifts[0].Start);
    }

    [Fact]
    public void Skipped_times_and_shifts_outside_the_activity_are_named_by_the_rules()
    {
        static ActivityInput Input(string start, string end, params ShiftInput[] shifts) =>
            new("Watch", Guid.NewGuid(), null, null, null, start, end, null, null, null, null, null, null, shifts);

        var skipped = ActivityRules.Validate(Input("2027-03-28T01:30", "2027-03-28T02:30", new ShiftInput("W", "01:30", "02:30", 1, 1, 1, null)), London).Errors;
        Assert.Contains(skipped, e => e.Code == "activity.time_skipped" && e.Field == "start");
        var outside = ActivityRules.Validate(Input("2026-12-07T09:00", "2026-12-07T12:00", new ShiftInput("W", "08:30", "10:00", 1, 1, 1, null)), Hk).Errors;
        Assert.Contains(outside, e => e.Code == "shift.outside_activity");
        var late = ActivityRules.Validate(Input("2026-12-07T09:00", "2026-12-07T12:00", new ShiftInput("W", "11:00", "12:30", 1, 1, 1, null)), Hk).Errors;
        Assert.Contains(late, e => e.Code == "shift.outside_activity");
        var inside = ActivityRules.Validate(Input("2026-12-07T09:00", "2026-12-07T12:00", new ShiftInput("W", "09:00", "10:30", 1, 1, 1, null), new ShiftInput("W2", "10:30", "12:00", 1, 1, 1, null)), Hk);
        Assert.Empty(inside.Errors);
    }
}
