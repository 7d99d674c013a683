using Kaifong.Domain.Calendar;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>
/// The Hong Kong general holidays the calendars show: 2025–2027 ship with Kaifong; for later years an operator puts the
/// government's three iCalendar files (1823: <c>tc.ics</c>, <c>en.ics</c>, <c>sc.ics</c>) in <c>Holidays:Folder</c>
/// (default data/holidays) and they are read at start-up. A year in the files replaces the shipped one.
/// </summary>
public sealed class Holidays
{
    public const string DefaultFolder = "data/holidays";

    public Holidays(IConfiguration config, IHostEnvironment environment, ILogger<Holidays> log)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var folder = config["Holidays:Folder"] ?? DefaultFolder;
        Calendar = Load(Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder), log);
    }

    public HolidayCalendar Calendar { get; }

    public IReadOnlyList<Holiday> Between(DateOnly from, DateOnly to) => Calendar.Between(from, to);

    /// <summary>The shipped holidays plus whatever the folder's files hold; a broken file is logged and skipped.</summary>
    public static HolidayCalendar Load(string folder, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var calendar = HongKongHolidays.Embedded;
        var tc = Path.Combine(folder, "tc.ics");
        if (!File.Exists(tc))
        {
            return calendar;
        }

        try
        {
            IReadOnlyList<Holiday> Read(string name, string language)
            {
                var path = Path.Combine(folder, name);
                return File.Exists(path) ? HongKongHolidays.ParseIcs(File.ReadAllText(path), language) : [];
            }

            var zhHk = Read("tc.ics", "tc");
            var imported = HongKongHolidays.Combine(zhHk, Read("en.ics", "en"), Read("sc.ics", "sc"));
            calendar = calendar.With(imported);
            log.LogInformation("Holidays: imported {Count} from {Folder} ({Years})", imported.Count, folder,
                string.Join(", ", imported.Select(h => h.Date.Year).Distinct()));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or ArgumentException or System.Runtime.Serialization.SerializationException)
        {
            log.LogError(e, "Holidays: could not read the .ics files in {Folder}; showing the shipped years only", folder);
        }

        return calendar;
    }
}
