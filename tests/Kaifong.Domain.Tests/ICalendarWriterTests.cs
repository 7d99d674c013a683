using Ical.Net;
using Kaifong.Domain.Calendar;
using ICalCalendar = Ical.Net.Calendar;

namespace Kaifong.Domain.Tests;

public class ICalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static FeedEvent Shift(string uid, DateTimeOffset start, int hours = 3, bool cancelled = false, int sequence = 0) =>
        new(uid, sequence, start, start.AddHours(hours), "送飯上午班 · 長者送飯", "深水埗社區中心, 2/F", "崗位：送飯\n名額 4", cancelled,
            "https://kaifong.example/o/demo/shifts/" + uid, Stamp);

    [Fact]
    public void Hong_Kong_feed_round_trips_through_Ical_Net()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var ics = ICalendarWriter.Write("街坊 · 我的更表", "Asia/Hong_Kong",
        [
            Shift("shift-1@kaifong", start, sequence: 2),
            Shift("shift-2@kaifong", start.AddDays(1), cancelled: true, sequence: 5),
        ]);

        var calendar = ICalCalendar.Load(ics)!;
        Assert.Equal(ICalendarWriter.ProductId, calendar.ProductId);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("街坊 · 我的更表", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.Equal("Asia/Hong_Kong", calendar.Properties["X-WR-TIMEZONE"]?.Value);
        Assert.Equal("Asia/Hong_Kong", Assert.Single(calendar.TimeZones).TzId);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Hong_Kong\r\n", ics, StringComparison.Ordinal);

        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.Single(e => e.Uid == "shift-1@kaifong");
        Assert.Equal("Asia/Hong_Kong", first.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), first.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 1, 12, 0, 0), first.DtEnd!.Value);
        Assert.Equal(start.UtcDateTime, first.DtStart.AsUtc);
        Assert.Equal(2, first.Sequence);
        Assert.Equal(EventStatus.Confirmed, first.Status);
        Assert.Equal("送飯上午班 · 長者送飯", first.Summary);
        Assert.Equal("深水埗社區中心, 2/F", first.Location);
        Assert.Equal("崗位：送飯\n名額 4", first.Description);
        Assert.Equal(new Uri("https://kaifong.example/o/demo/shifts/shift-1@kaifong"), first.Url);
        Assert.Equal(Stamp.UtcDateTime, first.DtStamp!.AsUtc);
        Assert.Contains("DTSTART;TZID=Asia/Hong_Kong:20261201T090000", ics, StringComparison.Ordinal);

        var second = calendar.Events.Single(e => e.Uid == "shift-2@kaifong");
        Assert.Equal(EventStatus.Cancelled, second.Status);
        Assert.Equal(5, second.Sequence);
    }

    [Fact]
    public void Output_uses_CRLF_and_folds_long_lines_at_75_octets()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var longEvent = Shift("long@kaifong", start) with { Description = string.Concat(Enumerable.Repeat("長者送飯義工請於九時前到達中心。", 12)) };
        var ics = ICalendarWriter.Write("Feed", "Asia/Hong_Kong", [longEvent]);

        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.Equal(longEvent.Description, ICalCalendar.Load(ics)!.Events.Single().Description);
    }

    [Fact]
    public void A_zone_with_daylight_saving_keeps_local_times_on_both_sides_of_the_change()
    {
        // Europe/London moves to BST at 01:00 UTC on Sunday 29 March 2026.
        var before = new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.Zero);     // 10:00 GMT
        var after = new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);       // 10:00 BST
        var ics = ICalendarWriter.Write("Charity shop rota", "Europe/London",
            [Shift("before@kaifong", before), Shift("after@kaifong", after)]);

        var calendar = ICalCalendar.Load(ics)!;
        var vtimezone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/London", vtimezone.TzId);
        Assert.Contains("BEGIN:DAYLIGHT", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD", ics, StringComparison.Ordinal);

        var b = calendar.Events.Single(e => e.Uid == "before@kaifong");
        var a = calendar.Events.Single(e => e.Uid == "after@kaifong");
        Assert.Equal(new DateTime(2026, 3, 28, 10, 0, 0), b.DtStart!.Value);
        Assert.Equal(new DateTime(2026, 3, 30, 10, 0, 0), a.DtStart!.Value);
        Assert.Equal("Europe/London", a.DtStart.TzId);
        Assert.Equal(before.UtcDateTime, b.DtStart.AsUtc);
        Assert.Equal(after.UtcDateTime, a.DtStart.AsUtc);
        Assert.Equal(after.AddHours(3).UtcDateTime, a.DtEnd!.AsUtc);
        Assert.Contains("DTSTART;TZID=Europe/London:20260330T100000", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Throws<ArgumentException>(() => ICalendarWriter.Write("Feed", "Asia/Hong_Kong", [Shift("x", start, hours: -1)]));
        Assert.Throws<ArgumentException>(() => ICalendarWriter.Write("Feed", "Asia/Hong_Kong", [Shift("x", start) with { Url = "/relative" }]));
        Assert.ThrowsAny<Exception>(() => ICalendarWriter.Write("Feed", "Not/A_Zone", []));
    }

    [Fact]
    public void An_empty_feed_is_still_a_valid_calendar()
    {
        var calendar = ICalCalendar.Load(ICalendarWriter.Write("Feed", "Asia/Hong_Kong", []))!;
        Assert.Empty(calendar.Events);
        Assert.Single(calendar.TimeZones);
    }
}
