using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Tests;

public class ActivityRulesTests
{
    private static readonly TimeZoneInfo Hk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");
    private static readonly Guid Programme = Guid.NewGuid();

    private static ActivityInput Input(string start = "2026-12-07T09:00", string end = "2026-12-07T12:00", string? rrule = null, string? deadline = null,
        params ShiftInput[] shifts) =>
        new("長者送飯", Programme, null, "荃灣", "Tsuen Wan", start, end, rrule, deadline, true, false, null, null,
            shifts.Length == 0 ? [new ShiftInput("司機", "09:00", "12:00", 1, 2, 2, ["駕駛執照"])] : shifts);

    [Fact]
    public void A_good_activity_is_read_in_local_time()
    {
        var (valid, errors) = ActivityRules.Validate(Input(rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4", deadline: "P2D"), Hk);
        Assert.Empty(errors);
        Assert.Equal(new DateTime(2026, 12, 7, 9, 0, 0), valid!.Start);
        Assert.Equal(180, valid.DurationMinutes);
        Assert.Equal(2 * 24 * 60, valid.RegistrationDeadlineMinutes);
        Assert.Equal(Domain.People.District.TsuenWan, valid.District);
        Assert.Equal(["駕駛執照"], valid.AllSkills);
    }

    [Fact]
    public void An_instant_with_an_offset_is_turned_into_the_organisations_time()
    {
        var (valid, _) = ActivityRules.Validate(Input(start: "2026-12-07T01:00:00Z", end: "2026-12-07T04:00:00Z"), Hk);
        Assert.Equal(new DateTime(2026, 12, 7, 9, 0, 0), valid!.Start);
    }

    [Theory]
    [InlineData("2026-12-07T12:00", "2026-12-07T09:00", "activity.end_before_start")]
    [InlineData("2026-12-07T09:00", "2026-12-08T10:00", "activity.too_long")]
    [InlineData("tomorrow", "2026-12-07T09:00", "validation")]
    [InlineData("2026-13-40T09:00", "2026-12-07T09:00", "validation")]
    public void Times_that_make_no_sense_are_refused(string start, string end, string code)
    {
        var (valid, errors) = ActivityRules.Validate(Input(start, end), Hk);
        Assert.Null(valid);
        Assert.Contains(errors, e => e.Code == code);
    }

    [Theory]
    [InlineData(3, 2, 4)]
    [InlineData(1, 3, 2)]
    [InlineData(-1, 1, 1)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 501)]
    public void Headcount_must_be_minimum_at_most_target_at_most_maximum(int minimum, int target, int maximum)
    {
        var (_, errors) = ActivityRules.Validate(Input(shifts: new ShiftInput("司機", "09:00", "12:00", minimum, target, maximum, null)), Hk);
        Assert.Contains(errors, e => e.Code == "shift.invalid_headcount");
    }

    [Theory]
    [InlineData("P2D", 2880)]
    [InlineData("PT12H", 720)]
    [InlineData("P0D", 0)]
    public void Registration_deadline_is_an_ISO_8601_duration(string text, int minutes)
    {
        var errors = new List<Common.Error>();
        Assert.Equal(minutes, ActivityRules.ParseDeadline(text, errors));
        Assert.Empty(errors);
        Assert.Equal(text == "P0D" ? "PT0S" : text, ActivityRules.FormatDeadline(minutes));
    }

    [Theory]
    [InlineData("two days")]
    [InlineData("-P1D")]
    [InlineData("P100D")]
    public void A_bad_deadline_is_refused(string text)
    {
        var errors = new List<Common.Error>();
        ActivityRules.ParseDeadline(text, errors);
        Assert.Contains(errors, e => e.Code == "activity.invalid_deadline");
    }

    [Fact]
    public void Shifts_are_required_and_a_backwards_shift_is_refused_unless_the_activity_runs_overnight()
    {
        Assert.Contains(ActivityRules.Validate(Input() with { Shifts = [] }, Hk).Errors, e => e.Code == "activity.shifts_required");
        Assert.Contains(ActivityRules.Validate(Input(shifts: new ShiftInput("司機", "12:00", "09:00", 1, 1, 1, null)), Hk).Errors, e => e.Code == "shift.end_before_start");
        var overnight = ActivityRules.Validate(Input("2026-12-07T22:00", "2026-12-08T07:00", shifts: new ShiftInput("當值", "22:00", "02:00", 1, 1, 1, null)), Hk);
        Assert.Empty(overnight.Errors);
    }

    [Fact]
    public void Text_fields_are_trimmed_and_limited()
    {
        var (_, errors) = ActivityRules.Validate(Input() with { Title = new string('長', 101), Venue = new string('x', 201), District = "Atlantis" }, Hk);
        Assert.Contains(errors, e => e.Field == "title");
        Assert.Contains(errors, e => e.Field == "venue");
        Assert.Contains(errors, e => e.Code == "activity.unknown_district");
        Assert.Contains(ActivityRules.Validate(Input() with { Title = "   " }, Hk).Errors, e => e.Field == "title");
    }
}
