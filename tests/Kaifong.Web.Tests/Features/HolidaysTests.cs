using Kaifong.Web.Features.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaifong.Web.Tests.Features;

/// <summary>Later years' holidays come from the government's .ics files in a folder; the shipped years stay without them.</summary>
public sealed class HolidaysTests
{
    private static string Ics(string name2028) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//1823//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20280101\r\nDTEND;VALUE=DATE:20280102\r\nSUMMARY:" + name2028 + "\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n";

    [Fact]
    public void Files_in_the_folder_add_their_years_in_three_languages()
    {
        var folder = Directory.CreateTempSubdirectory("kaifong-holidays-").FullName;
        try
        {
            Assert.Empty(Holidays.Load(folder, NullLogger.Instance).For(2028));
            File.WriteAllText(Path.Combine(folder, "tc.ics"), Ics("一月一日"));
            File.WriteAllText(Path.Combine(folder, "en.ics"), Ics("The first day of January"));
            File.WriteAllText(Path.Combine(folder, "sc.ics"), Ics("一月一日"));

            var calendar = Holidays.Load(folder, NullLogger.Instance);

            var day = Assert.Single(calendar.For(2028));
            Assert.Equal(new DateOnly(2028, 1, 1), day.Date);
            Assert.Equal("The first day of January", day.Name("en"));
            Assert.Equal("一月一日", day.Name("zh-HK"));
            Assert.Contains(calendar.For(2026), h => h.Date == new DateOnly(2026, 12, 25)); // shipped years stay
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_broken_file_leaves_the_shipped_years()
    {
        var folder = Directory.CreateTempSubdirectory("kaifong-holidays-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "tc.ics"), "this is not a calendar");
            var calendar = Holidays.Load(folder, NullLogger.Instance);
            Assert.NotEmpty(calendar.For(2026));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
