using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>可服務時段: checking and normalising an availability set, the page's day parts, and whether it covers a shift.</summary>
public class AvailabilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static (ValidAvailability? Value, IReadOnlyList<Kaifong.Domain.Common.Error> Errors) Check(WeeklyInput?[]? weekly = null, ExceptionInput?[]? exceptions = null) =>
        AvailabilitySet.Validate(new AvailabilityInput(weekly ?? [], exceptions ?? []), Today);

    private static IEnumerable<string?> Fields(IReadOnlyList<Kaifong.Domain.Common.Error> errors) => errors.Select(e => e.Field);

    [Fact]
    public void Empty_lists_are_valid_and_clear_but_missing_lists_are_refused()
    {
        var (value, errors) = Check([], []);
        Assert.Empty(errors);
        Assert.Empty(value!.Weekly);
        Assert.Empty(value.Exceptions);
        Assert.Equal(["weekly", "exceptions"], Fields(AvailabilitySet.Validate(null, Today).Errors));
        Assert.Equal(["exceptions"], Fields(AvailabilitySet.Validate(new AvailabilityInput([], null), Today).Errors));
    }

    [Theory]
    [InlineData("Monday", DayOfWeek.Monday)]
    [InlineData("sunday", DayOfWeek.Sunday)]
    [InlineData(" SATURDAY ", DayOfWeek.Saturday)]
    [InlineData("MO", DayOfWeek.Monday)]
    [InlineData("su", DayOfWeek.Sunday)]
    public void Days_are_English_names_or_iCalendar_codes(string text, DayOfWeek day) => Assert.Equal(day, AvailabilitySet.ParseDay(text));

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("Mon")]
    [InlineData("星期一")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Wednesdayyy")]
    public void Numbers_and_other_words_are_not_days(string? text)
    {
        Assert.Null(AvailabilitySet.ParseDay(text));
        var (_, errors) = Check([new WeeklyInput(text, "09:00", "12:00")]);
        Assert.Equal(["weekly[0].dayOfWeek"], Fields(errors));
        Assert.Equal("availability.invalid_day", errors[0].Code);
    }

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:15", 9, 15)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:45", 23, 45)]
    public void Times_are_on_quarter_hours(string text, int hour, int minute) => Assert.Equal(new TimeOnly(hour, minute), AvailabilitySet.ParseTime(text));

    [Theory]
    [InlineData("09:10")]
    [InlineData("09:00:30")]
    [InlineData("9am")]
    [InlineData("25:00")]
    [InlineData("24:15")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0900")]
    public void Other_times_are_refused(string? text) => Assert.Null(AvailabilitySet.ParseTime(text));

    [Fact]
    public void Midnight_ends_a_window_as_24_00_and_round_trips()
    {
        Assert.Equal(TimeOnly.MaxValue, AvailabilitySet.ParseTime("24:00"));
        Assert.Equal("24:00", AvailabilitySet.FormatTime(TimeOnly.MaxValue));
        Assert.Equal("09:15", AvailabilitySet.FormatTime(new TimeOnly(9, 15)));
        var (value, errors) = Check([new WeeklyInput("Friday", "20:00", "24:00")]);
        Assert.Empty(errors);
        Assert.Equal(new WeeklyWindow(DayOfWeek.Friday, new TimeOnly(20, 0), TimeOnly.MaxValue), Assert.Single(value!.Weekly));
        Assert.Equal(["weekly[0].from"], Fields(Check([new WeeklyInput("Friday", "24:00", "24:00")]).Errors));
    }

    [Theory]
    [InlineData("13:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public void The_end_must_come_after_the_start(string from, string to)
    {
        var (value, errors) = Check([new WeeklyInput("Monday", from, to)]);
        Assert.Null(value);
        var e = Assert.Single(errors);
        Assert.Equal("weekly[0].to", e.Field);
        Assert.Equal("availability.end_before_start", e.Code);
    }

    [Fact]
    public void Each_bad_field_is_named_with_its_index_and_all_are_reported_at_once()
    {
        var (value, errors) = Check(
            [new WeeklyInput("Monday", "09:00", "12:00"), new WeeklyInput("Someday", "9:07", "nope"), null],
            [new ExceptionInput("2026-13-01", null, null, true), new ExceptionInput("2026-12-01", "10:00", null, false), new ExceptionInput("2026-12-02", null, null, null)]);
        Assert.Null(value);
        Assert.Equal(
            ["weekly[1].dayOfWeek", "weekly[1].from", "weekly[1].to", "weekly[2]", "exceptions[0].date", "exceptions[1].to", "exceptions[2].available"],
            Fields(errors));
    }

    [Fact]
    public void Overlapping_and_touching_windows_on_a_day_are_merged_and_sorted_Monday_first()
    {
        var (value, errors) = Check(
        [
            new WeeklyInput("Sunday", "10:00", "12:00"),
            new WeeklyInput("Monday", "13:00", "18:00"),
            new WeeklyInput("Monday", "08:00", "13:00"),
            new WeeklyInput("Monday", "17:00", "19:00"),
            new WeeklyInput("Monday", "20:00", "22:00"),
            new WeeklyInput("Monday", "20:30", "21:00"),
            new WeeklyInput("Tuesday", "09:00", "12:00"),
            new WeeklyInput("TU", "09:00", "12:00"),
        ]);
        Assert.Empty(errors);
        Assert.Equal(
        [
            new WeeklyWindow(DayOfWeek.Monday, new(8, 0), new(19, 0)),
            new WeeklyWindow(DayOfWeek.Monday, new(20, 0), new(22, 0)),
            new WeeklyWindow(DayOfWeek.Tuesday, new(9, 0), new(12, 0)),
            new WeeklyWindow(DayOfWeek.Sunday, new(10, 0), new(12, 0)),
        ], value!.Weekly);
    }

    [Fact]
    public void Exception_dates_run_from_today_to_a_year_ahead()
    {
        Assert.Empty(Check(exceptions: [new ExceptionInput("2026-11-25", null, null, false)]).Errors);
        Assert.Empty(Check(exceptions: [new ExceptionInput("2027-11-25", null, null, true)]).Errors);
        var past = Assert.Single(Check(exceptions: [new ExceptionInput("2026-11-24", null, null, false)]).Errors);
        Assert.Equal(("exceptions[0].date", "availability.date_past"), (past.Field, past.Code));
        var far = Assert.Single(Check(exceptions: [new ExceptionInput("2027-11-26", null, null, false)]).Errors);
        Assert.Equal(("exceptions[0].date", "availability.date_too_far"), (far.Field, far.Code));
        Assert.Equal("2027-11-25", far.Args[0]);
    }

    [Theory]
    [InlineData("01/12/2026")]
    [InlineData("2026-12-1")]
    [InlineData("2026-12-01T00:00")]
    [InlineData("")]
    [InlineData(null)]
    public void Dates_are_yyyy_MM_dd(string? text) =>
        Assert.Equal("availability.invalid_date", Assert.Single(Check(exceptions: [new ExceptionInput(text, null, null, false)]).Errors).Code);

    [Fact]
    public void Exception_hours_come_in_pairs_and_follow_the_same_time_rules()
    {
        Assert.Equal(["exceptions[0].from"], Fields(Check(exceptions: [new ExceptionInput("2026-12-01", null, "12:00", false)]).Errors));
        Assert.Equal(["exceptions[0].to"], Fields(Check(exceptions: [new ExceptionInput("2026-12-01", "12:00", " ", false)]).Errors));
        Assert.Equal(["exceptions[0].to"], Fields(Check(exceptions: [new ExceptionInput("2026-12-01", "12:00", "11:00", false)]).Errors));
        Assert.Equal(["exceptions[0].from"], Fields(Check(exceptions: [new ExceptionInput("2026-12-01", "12:05", "14:00", false)]).Errors));
        var (value, _) = Check(exceptions: [new ExceptionInput("2026-12-01", "14:00", "18:00", false)]);
        Assert.Equal(new DatedException(new(2026, 12, 1), new(14, 0), new(18, 0), false), Assert.Single(value!.Exceptions));
    }

    [Fact]
    public void Entries_on_a_date_that_agree_are_merged()
    {
        var (value, errors) = Check(exceptions:
        [
            new ExceptionInput("2026-12-02", "09:00", "12:00", true),
            new ExceptionInput("2026-12-02", "12:00", "15:00", true),
            new ExceptionInput("2026-12-02", "18:00", "20:00", false),
            new ExceptionInput("2026-12-01", null, null, false),
            new ExceptionInput("2026-12-01", "10:00", "11:00", false),
            new ExceptionInput("2026-12-01", null, null, false),
        ]);
        Assert.Empty(errors);
        Assert.Equal(
        [
            new DatedException(new(2026, 12, 1), null, null, false),
            new DatedException(new(2026, 12, 2), new(9, 0), new(15, 0), true),
            new DatedException(new(2026, 12, 2), new(18, 0), new(20, 0), false),
        ], value!.Exceptions);
    }

    [Fact]
    public void Entries_on_a_date_that_contradict_are_refused_naming_the_later_one()
    {
        var allDay = Check(exceptions: [new ExceptionInput("2026-12-01", null, null, true), new ExceptionInput("2026-12-01", null, null, false)]).Errors;
        var e = Assert.Single(allDay);
        Assert.Equal(("exceptions[1]", "availability.conflict"), (e.Field, e.Code));
        Assert.Equal(["exceptions[2]"], Fields(Check(exceptions:
        [
            new ExceptionInput("2026-12-01", "09:00", "12:00", true),
            new ExceptionInput("2026-12-02", null, null, false),
            new ExceptionInput("2026-12-01", "11:00", "13:00", false),
        ]).Errors));
        Assert.Equal(["exceptions[1]"], Fields(Check(exceptions:
            [new ExceptionInput("2026-12-01", "09:00", "12:00", true), new ExceptionInput("2026-12-01", null, null, false)]).Errors));
    }

    [Fact]
    public void Touching_hours_with_different_answers_do_not_contradict()
    {
        var (value, errors) = Check(exceptions:
            [new ExceptionInput("2026-12-01", "09:00", "12:00", true), new ExceptionInput("2026-12-01", "12:00", "18:00", false)]);
        Assert.Empty(errors);
        Assert.Equal(2, value!.Exceptions.Count);
    }

    [Fact]
    public void Too_many_entries_are_refused_before_anything_else_is_read()
    {
        var weekly = Enumerable.Repeat<WeeklyInput?>(new WeeklyInput("x", "y", "z"), AvailabilitySet.MaxWeekly + 1).ToArray();
        var exceptions = Enumerable.Repeat<ExceptionInput?>(new ExceptionInput("2026-12-01", null, null, false), AvailabilitySet.MaxExceptions + 1).ToArray();
        var (value, errors) = Check(weekly, exceptions);
        Assert.Null(value);
        Assert.Equal(["weekly", "exceptions"], Fields(errors));
        Assert.All(errors, e => Assert.Equal("availability.too_many", e.Code));
        Assert.Empty(Check(Enumerable.Repeat<WeeklyInput?>(new WeeklyInput("Monday", "09:00", "10:00"), AvailabilitySet.MaxWeekly).ToArray()).Errors);
    }

    [Fact]
    public void Day_parts_split_windows_into_toggles_and_extras()
    {
        var (parts, extras) = DayParts.Split(
        [
            new WeeklyWindow(DayOfWeek.Monday, new(8, 0), new(18, 0)),
            new WeeklyWindow(DayOfWeek.Tuesday, new(7, 0), new(13, 0)),
            new WeeklyWindow(DayOfWeek.Wednesday, new(10, 0), new(12, 0)),
            new WeeklyWindow(DayOfWeek.Thursday, new(18, 0), TimeOnly.MaxValue),
        ]);
        Assert.Equal(
            new HashSet<(DayOfWeek, DayPart)> { (DayOfWeek.Monday, DayPart.Morning), (DayOfWeek.Monday, DayPart.Afternoon), (DayOfWeek.Tuesday, DayPart.Morning), (DayOfWeek.Thursday, DayPart.Evening) },
            parts.ToHashSet());
        Assert.Equal(
        [
            new WeeklyWindow(DayOfWeek.Tuesday, new(7, 0), new(8, 0)),
            new WeeklyWindow(DayOfWeek.Wednesday, new(10, 0), new(12, 0)),
            new WeeklyWindow(DayOfWeek.Thursday, new(22, 0), TimeOnly.MaxValue),
        ], extras);
    }

    [Fact]
    public void Day_parts_join_into_merged_windows()
    {
        var joined = DayParts.Join([(DayOfWeek.Friday, DayPart.Evening), (DayOfWeek.Friday, DayPart.Morning), (DayOfWeek.Friday, DayPart.Afternoon)], []);
        Assert.Equal([new WeeklyWindow(DayOfWeek.Friday, new(8, 0), new(22, 0))], joined);
    }

    [Fact]
    public void Splitting_then_joining_gives_back_what_was_stored()
    {
        var random = new Random(4);
        for (var run = 0; run < 500; run++)
        {
            var windows = new List<WeeklyWindow>();
            for (var i = random.Next(0, 8); i > 0; i--)
            {
                var from = random.Next(0, 95);
                var to = random.Next(from + 1, 97);
                windows.Add(new WeeklyWindow((DayOfWeek)random.Next(7), Quarter(from), to == 96 ? TimeOnly.MaxValue : Quarter(to)));
            }

            var (parts, extras) = DayParts.Split(windows);
            Assert.Equal(AvailabilitySet.Merge(windows), DayParts.Join(parts, extras));
        }

        static TimeOnly Quarter(int n) => new(n / 4, n % 4 * 15);
    }

    // AvailabilityRules.Covers: the date's exceptions win over the weekly pattern.

    private static AvailabilitySlot Slot(DayOfWeek day, int from, int to) => new() { DayOfWeek = day, From = new(from, 0), To = to == 24 ? TimeOnly.MaxValue : new(to, 0) };

    private static AvailabilityException Except(int day, bool available, int? from = null, int? to = null) =>
        new() { Date = new(2026, 12, day), Available = available, From = from is null ? null : new(from.Value, 0), To = to is null ? null : new(to.Value, 0) };

    private static DateTime At(int day, int hour) => new(2026, 12, day, hour, 0, 0); // 2026-12-07 is a Monday

    [Fact]
    public void Nothing_stored_is_unknown() => Assert.Null(AvailabilityRules.Covers(At(7, 9), At(7, 12), [], []));

    [Fact]
    public void A_weekly_window_covers_a_shift_inside_it_on_that_weekday_only()
    {
        AvailabilitySlot[] weekly = [Slot(DayOfWeek.Monday, 8, 13)];
        Assert.True(AvailabilityRules.Covers(At(7, 9), At(7, 12), weekly, []));
        Assert.True(AvailabilityRules.Covers(At(7, 8), At(7, 13), weekly, []));
        Assert.False(AvailabilityRules.Covers(At(7, 12), At(7, 14), weekly, []));
        Assert.False(AvailabilityRules.Covers(At(8, 9), At(8, 12), weekly, []));
    }

    [Fact]
    public void A_merged_window_covers_a_shift_across_two_day_parts()
    {
        var merged = DayParts.Join([(DayOfWeek.Monday, DayPart.Morning), (DayOfWeek.Monday, DayPart.Afternoon)], [])
            .Select(w => new AvailabilitySlot { DayOfWeek = w.DayOfWeek, From = w.From, To = w.To }).ToArray();
        Assert.True(AvailabilityRules.Covers(At(7, 12), At(7, 14), merged, []));
    }

    [Fact]
    public void A_window_to_midnight_covers_a_shift_ending_at_midnight()
    {
        Assert.True(AvailabilityRules.Covers(At(7, 20), At(8, 0), [Slot(DayOfWeek.Monday, 18, 24)], []));
        Assert.False(AvailabilityRules.Covers(At(7, 20), At(8, 0), [Slot(DayOfWeek.Monday, 18, 22)], []));
    }

    [Fact]
    public void A_blackout_date_says_no_whatever_the_week_says()
    {
        Assert.False(AvailabilityRules.Covers(At(7, 9), At(7, 12), [Slot(DayOfWeek.Monday, 8, 13)], [Except(7, false)]));
        Assert.False(AvailabilityRules.Covers(At(7, 9), At(7, 12), [], [Except(7, false)]));
        Assert.True(AvailabilityRules.Covers(At(14, 9), At(14, 12), [Slot(DayOfWeek.Monday, 8, 13)], [Except(7, false)]));
    }

    [Fact]
    public void Available_all_day_says_yes_on_a_day_the_week_does_not_cover()
    {
        Assert.True(AvailabilityRules.Covers(At(9, 19), At(9, 21), [Slot(DayOfWeek.Monday, 8, 13)], [Except(9, true)]));
        Assert.False(AvailabilityRules.Covers(At(16, 19), At(16, 21), [Slot(DayOfWeek.Monday, 8, 13)], [Except(9, true)]));
    }

    [Fact]
    public void Hours_on_a_date_say_yes_inside_them_and_no_where_unavailable_hours_overlap()
    {
        AvailabilityException[] e = [Except(7, true, 14, 18), Except(7, false, 9, 11)];
        AvailabilitySlot[] weekly = [Slot(DayOfWeek.Monday, 8, 13)];
        Assert.True(AvailabilityRules.Covers(At(7, 14), At(7, 17), weekly, e));
        Assert.False(AvailabilityRules.Covers(At(7, 10), At(7, 12), weekly, e));
        Assert.True(AvailabilityRules.Covers(At(7, 11), At(7, 13), weekly, e));
    }
}
