using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.Signups;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Availability;

/// <summary>
/// 可服務時段 on a phone: the usual week as three toggles a day, and next month as a grid where a tap cycles a day
/// 照常 → 不可服務 → 全日可以. Works without JavaScript (a tap on a day posts the form and comes back with it changed,
/// unsaved); availability.js does the same in the page. Saving replaces the person's availability through
/// <see cref="AvailabilityCommands"/>, keeping dated exceptions outside the month shown.
/// </summary>
public sealed class IndexModel(KaifongDb db, AvailabilityCommands commands, Problems problems, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Usual = "usual";
    public const string Off = "off";
    public const string On = "on";

    /// <summary>Hours set elsewhere on a date (through the API): shown as such and kept unless the day is tapped.</summary>
    public const string Custom = "custom";

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    /// <summary>Toggled day parts, "Monday.Morning".</summary>
    [BindProperty]
    public List<string> Parts { get; set; } = [];

    /// <summary>Kept extra weekly windows, "Monday|07:00|08:00".</summary>
    [BindProperty]
    public List<string> Extras { get; set; } = [];

    /// <summary>Each day of the month shown → <see cref="Usual"/>, <see cref="Off"/>, <see cref="On"/> or <see cref="Custom"/>.</summary>
    [BindProperty]
    public Dictionary<string, string> Days { get; set; } = [];

    /// <summary>The day tapped when the page runs without JavaScript.</summary>
    [BindProperty]
    public string? Cycle { get; set; }

    public IReadOnlyList<(string Slug, string Name)> Organisations { get; private set; } = [];
    public OrgContext? Context { get; private set; }
    public DateOnly Month { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IEnumerable<DateOnly> MonthDays => Enumerable.Range(0, Month.AddMonths(1).DayNumber - Month.DayNumber).Select(Month.AddDays);

    public static string PartValue(DayOfWeek day, DayPart part) => $"{day}.{part}";

    public static string ExtraValue(WeeklyWindow w) => $"{w.DayOfWeek}|{AvailabilitySet.FormatTime(w.From)}|{AvailabilitySet.FormatTime(w.To)}";

    /// <summary>照常 → 不可服務 → 全日可以 → 照常: a blackout, the commonest change, is one tap.</summary>
    public static string Next(string? state) => state switch
    {
        Off => On,
        On => Usual,
        _ => Off,
    };

    public string StateText(string state) => state switch
    {
        Off => l["Availability.Unavailable"],
        On => l["Availability.AllDay"],
        Custom => l["Availability.Custom"],
        _ => l["Availability.Usual"],
    };

    public string State(DateOnly date) => Days.TryGetValue(AvailabilitySet.FormatDate(date), out var s) && s is Off or On or Custom ? s : Usual;

    /// <summary>The extra windows posted back (or loaded), in order.</summary>
    public IReadOnlyList<WeeklyWindow> ExtraWindows => Extras.Select(ParseExtra).OfType<WeeklyWindow>().ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ResolveAsync())
        {
            return NotFound();
        }

        if (Context is not null)
        {
            var stored = await commands.GetAsync(Context, HttpContext.RequestAborted);
            var (parts, extras) = DayParts.Split(stored.Weekly);
            Parts = parts.Select(p => PartValue(p.Day, p.Part)).ToList();
            Extras = extras.Select(ExtraValue).ToList();
            Days = MonthDays.ToDictionary(AvailabilitySet.FormatDate, d => StateOf(stored.Exceptions.Where(e => e.Date == d).ToList()));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ResolveAsync())
        {
            return NotFound();
        }

        if (Context is null)
        {
            return Page();
        }

        if (Cycle is not null && AvailabilitySet.ParseDate(Cycle) is { } tapped && tapped >= Month && tapped < Month.AddMonths(1))
        {
            var key = AvailabilitySet.FormatDate(tapped);
            Days[key] = Next(State(tapped));
            ModelState.Clear();
            return Page();
        }

        var stored = await commands.GetAsync(Context, HttpContext.RequestAborted);
        var weekly = DayParts.Join(Parts.Select(ParsePart).OfType<(DayOfWeek, DayPart)>(), ExtraWindows);
        var end = Month.AddMonths(1);
        var kept = stored.Exceptions.Where(e => e.Date < Month || e.Date >= end || State(e.Date) == Custom);
        var grid = MonthDays.Where(d => State(d) is On or Off).Select(d => new DatedException(d, null, null, State(d) == On));
        var input = new AvailabilityInput(
            weekly.Select(w => (WeeklyInput?)new WeeklyInput(w.DayOfWeek.ToString(), AvailabilitySet.FormatTime(w.From), AvailabilitySet.FormatTime(w.To))).ToList(),
            kept.Concat(grid).Select(e => (ExceptionInput?)new ExceptionInput(AvailabilitySet.FormatDate(e.Date),
                e.From is { } f ? AvailabilitySet.FormatTime(f) : null, e.To is { } t ? AvailabilitySet.FormatTime(t) : null, e.Available)).ToList());
        var (saved, errors) = await commands.ReplaceAsync(Context, input, HttpContext.RequestAborted);
        if (saved is null)
        {
            Errors = errors.Select(problems.Text).Distinct().ToList();
            return Page();
        }

        TempData["Flash"] = l["Availability.Saved"].Value;
        return RedirectToPage(new { org = Context.Slug });
    }

    /// <summary>The person's organisations; the one asked for (404 when not theirs), else the first; next month in its time zone.</summary>
    private async Task<bool> ResolveAsync()
    {
        var userId = User.RequiredUserId();
        Organisations = (await db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.Status == MembershipStatus.Active)
                .Join(db.Organisations.AsNoTracking(), m => m.OrganisationId, o => o.Id, (m, o) => new { o.Slug, o.Name })
                .OrderBy(o => o.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(o => (o.Slug, o.Name)).ToArray();
        var slug = string.IsNullOrEmpty(Org) ? Organisations.FirstOrDefault().Slug : Org;
        if (slug is null)
        {
            return true;
        }

        Context = await Tenancy.ResolveAsync(db, slug, userId, HttpContext.RequestAborted);
        if (Context is null)
        {
            return false;
        }

        Org = Context.Slug;
        var today = commands.Today(Context.Organisation);
        Month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return true;
    }

    private static string StateOf(IReadOnlyList<DatedException> onDate) => onDate switch
    {
        [] => Usual,
        [{ AllDay: true, Available: false }] => Off,
        [{ AllDay: true, Available: true }] => On,
        _ => Custom,
    };

    private static (DayOfWeek, DayPart)? ParsePart(string? value)
    {
        var bits = value?.Split('.');
        return bits is [var d, var p] && AvailabilitySet.ParseDay(d) is { } day && Enum.TryParse<DayPart>(p, out var part) && Enum.IsDefined(part)
            ? (day, part)
            : null;
    }

    private static WeeklyWindow? ParseExtra(string? value)
    {
        var bits = value?.Split('|');
        return bits is [var d, var f, var t] && AvailabilitySet.ParseDay(d) is { } day && AvailabilitySet.ParseTime(f) is { } from
            && AvailabilitySet.ParseTime(t) is { } to && from < to && from != TimeOnly.MaxValue
            ? new WeeklyWindow(day, from, to)
            : null;
    }

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>"星期一" in Chinese; "Mon" in English, where whole names would squeeze the toggles at 360 px.</summary>
    public static string ShortDayName(DayOfWeek day) => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "zh"
        ? DayName(day)
        : CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}
