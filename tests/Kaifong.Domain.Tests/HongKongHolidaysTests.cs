using Kaifong.Domain.Calendar;

namespace Kaifong.Domain.Tests;

public class HongKongHolidaysTests
{
    // The shape of the government's 1823 holiday file (one language per file, all-day events, CRLF).
    private const string EnglishIcs =
        "BEGIN:VCALENDAR\r\nPRODID:-//1823 Call Centre//Hong Kong Public Holidays//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n" +
        "METHOD:PUBLISH\r\nX-WR-CALNAME:Hong Kong Public Holidays\r\nX-WR-TIMEZONE:Asia/Hong_Kong\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280101\r\nDTEND;VALUE=DATE:20280102\r\nTRANSP:TRANSPARENT\r\n" +
        "UID:20280101@1823.gov.hk\r\nSUMMARY:The first day of January\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280126\r\nDTEND;VALUE=DATE:20280127\r\nTRANSP:TRANSPARENT\r\n" +
        "UID:20280126@1823.gov.hk\r\nSUMMARY:Lunar New Year’s Day\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    private const string TraditionalIcs =
        "BEGIN:VCALENDAR\r\nPRODID:-//1823 Call Centre//Hong Kong Public Holidays//TC\r\nVERSION:2.0\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280101\r\nDTEND;VALUE=DATE:20280102\r\nUID:a@1823.gov.hk\r\nSUMMARY:一月一日\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280126\r\nDTEND;VALUE=DATE:20280127\r\nUID:b@1823.gov.hk\r\nSUMMARY:農曆年初一\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    private const string SimplifiedIcs =
        "BEGIN:VCALENDAR\r\nPRODID:-//1823 Call Centre//Hong Kong Public Holidays//SC\r\nVERSION:2.0\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280126\r\nDTEND;VALUE=DATE:20280127\r\nUID:c@1823.gov.hk\r\nSUMMARY:农历年初一\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280101\r\nDTEND;VALUE=DATE:20280102\r\nUID:d@1823.gov.hk\r\nSUMMARY:一月一日\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Each_shipped_year_has_seventeen_general_holidays_besides_Sundays(int year)
    {
        var holidays = HongKongHolidays.For(year);
        Assert.Equal(17, holidays.Count);
        Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        Assert.All(holidays, h => Assert.NotEqual(DayOfWeek.Sunday, h.Date.DayOfWeek));
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        Assert.Equal(17, holidays.Select(h => h.Date).Distinct().Count());
        Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.NameZhHk + h.NameEn + h.NameZhCn)));
    }

    [Theory]
    [InlineData("2026-01-01", "一月一日", "The first day of January", "一月一日")]
    [InlineData("2026-02-17", "農曆年初一", "Lunar New Year's Day", "农历年初一")]
    [InlineData("2026-04-06", "清明節翌日", "The day following Ching Ming Festival", "清明节翌日")]
    [InlineData("2026-04-07", "復活節星期一翌日", "The day following Easter Monday", "复活节星期一翌日")]
    [InlineData("2026-05-25", "佛誕翌日", "The day following the Birthday of the Buddha", "佛诞翌日")]
    [InlineData("2026-09-26", "中秋節翌日", "The day following the Chinese Mid-Autumn Festival", "中秋节翌日")]
    [InlineData("2026-10-19", "重陽節翌日", "The day following Chung Yeung Festival", "重阳节翌日")]
    [InlineData("2026-12-25", "聖誕節", "Christmas Day", "圣诞节")]
    [InlineData("2025-01-29", "農曆年初一", "Lunar New Year's Day", "农历年初一")]
    [InlineData("2025-10-07", "中秋節翌日", "The day following the Chinese Mid-Autumn Festival", "中秋节翌日")]
    [InlineData("2027-02-09", "農曆年初四", "The fourth day of Lunar New Year", "农历年初四")]
    [InlineData("2027-12-27", "聖誕節後第一個周日", "The first weekday after Christmas Day", "圣诞节后第一个周日")]
    public void Known_dates_carry_their_gazetted_names(string date, string zhHk, string en, string zhCn)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var holiday = Assert.Single(HongKongHolidays.Between(day, day));
        Assert.Equal(new Holiday(day, zhHk, en, zhCn), holiday);
        Assert.Equal(zhHk, holiday.Name("zh-HK"));
        Assert.Equal(en, holiday.Name("en-GB"));
        Assert.Equal(zhCn, holiday.Name("zh-CN"));
        Assert.Equal(zhHk, holiday.Name(null));
    }

    [Fact]
    public void Ordinary_days_and_unknown_years_have_no_holidays()
    {
        Assert.Empty(HongKongHolidays.Between(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31)));
        Assert.Empty(HongKongHolidays.For(2031));
        Assert.Empty(HongKongHolidays.Between(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Between_spans_years_and_includes_both_ends()
    {
        var span = HongKongHolidays.Between(new DateOnly(2025, 12, 25), new DateOnly(2026, 1, 1));
        Assert.Equal([new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26), new DateOnly(2026, 1, 1)], span.Select(h => h.Date));
    }

    [Fact]
    public void The_government_ics_is_read_one_language_at_a_time_and_combined()
    {
        var en = HongKongHolidays.ParseIcs(EnglishIcs, "en");
        Assert.Equal([new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 26)], en.Select(h => h.Date));
        Assert.Equal("Lunar New Year’s Day", en[1].NameEn);

        var combined = HongKongHolidays.Combine(
            HongKongHolidays.ParseIcs(TraditionalIcs, "tc"), en, HongKongHolidays.ParseIcs(SimplifiedIcs, "zh-CN"));

        Assert.Equal(
            [
                new Holiday(new DateOnly(2028, 1, 1), "一月一日", "The first day of January", "一月一日"),
                new Holiday(new DateOnly(2028, 1, 26), "農曆年初一", "Lunar New Year’s Day", "农历年初一"),
            ],
            combined);
    }

    [Fact]
    public void Imported_years_add_to_the_shipped_ones_and_replace_a_year_whole()
    {
        var en = HongKongHolidays.ParseIcs(EnglishIcs, "en");
        var calendar = HongKongHolidays.Embedded.With(en);
        Assert.Equal([2025, 2026, 2027, 2028], calendar.Years);
        Assert.Equal(2, calendar.For(2028).Count);
        Assert.Equal(17, calendar.For(2026).Count);

        var regazetted = calendar.With([new Holiday(new DateOnly(2026, 1, 1), "一月一日", "The first day of January", "一月一日")]);
        Assert.Single(regazetted.For(2026));
        Assert.Equal(17, HongKongHolidays.For(2026).Count);
    }

    [Fact]
    public void An_unknown_language_is_refused()
    {
        Assert.Throws<ArgumentException>(() => HongKongHolidays.ParseIcs(EnglishIcs, "fr"));
    }
}
