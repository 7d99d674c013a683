using System.Globalization;
using System.Text.Json;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Board;

/// <summary>One choice in a filter list.</summary>
public sealed record FilterOption(string Value, string Text);

/// <summary>
/// What the calendar and the Gantt board pages share: the filter form (a GET that works without JavaScript), the
/// data- attributes calendar.js reads, the empty state and the programme feed link.
/// </summary>
public abstract class BoardPageModel(KaifongDb db, OrganisationCommands organisations, CatalogueCommands catalogue, CalendarFeeds feeds, TimeProvider time, IStringLocalizer<SharedResource> l)
    : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    protected OrganisationCommands Organisations => organisations;

    protected TimeProvider Time => time;

    protected IStringLocalizer<SharedResource> L => l;

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public BoardFilters Filters { get; private set; } = new(null, null, null, null);

    public IReadOnlyList<FilterOption> Programmes { get; private set; } = [];
    public IReadOnlyList<FilterOption> DistrictOptions { get; private set; } = [];
    public IReadOnlyList<FilterOption> Types { get; private set; } = [];
    public IReadOnlyList<FilterOption> StateOptions { get; private set; } = [];

    /// <summary>No activity in the viewer's programmes yet: the page says how to make the first.</summary>
    public bool Empty { get; private set; }

    /// <summary>The selected (or only) programme's iCalendar feed, for the viewer's phone calendar.</summary>
    public string? FeedUrl { get; private set; }

    public string? FeedProgrammeName { get; private set; }

    /// <summary>The view calendar.js opens with.</summary>
    public abstract string CalendarView { get; }

    public string StartDate { get; private set; } = "";

    public string Language => Localisation.CurrentLanguage;

    public string HubUrl => $"{ScheduleHub.Path}?org={Uri.EscapeDataString(Org.Slug)}";

    /// <summary>The JSON feed with the page's filters (calendar.js adds start and end).</summary>
    public virtual string EventsUrl => LinkTo($"/o/{Org.Slug}/calendar/events", Filters.Query());

    public string LabelsJson => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["today"] = l["Calendar.Today"], ["month"] = l["Calendar.Month"], ["week"] = l["Calendar.Week"], ["day"] = l["Calendar.Day"],
        ["list"] = l["Calendar.List"], ["gantt"] = l["Nav.Board"], ["noEvents"] = l["Calendar.NoShifts"], ["holiday"] = l["Calendar.Holiday"],
        ["prev"] = l["Calendar.Previous"], ["next"] = l["Calendar.Next"], ["legend"] = l["Calendar.Legend"], ["allDay"] = l["Calendar.Holiday"],
        ["loadFailed"] = l["Calendar.LoadFailed"],
        ["Gap"] = l["State.Gap"], ["Short"] = l["State.Short"], ["Filled"] = l["State.Filled"], ["Full"] = l["State.Full"], ["Cancelled"] = l["State.Cancelled"],
    });

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        // A page with a bad filter value shows the rest (the JSON answers 400 for the same mistake).
        var (parsed, _) = BoardFilters.Parse(Programme, District, Type, State);
        var scope = Org.Viewer.Scope;
        var programmes = (await organisations.ProgrammesAsync(Org.Id, ct)).Where(p => scope is null || scope.Contains(p.Id)).ToArray();
        var types = await catalogue.ActivityTypesAsync(Org.Id, ct);
        Filters = parsed with
        {
            ProgrammeId = programmes.Any(p => p.Id == parsed.ProgrammeId) ? parsed.ProgrammeId : null,
            ActivityTypeId = types.Any(t => t.Id == parsed.ActivityTypeId) ? parsed.ActivityTypeId : null,
        };
        Programmes = programmes.Select(p => new FilterOption(p.Id.ToString(), p.Name)).ToArray();
        Types = types.Select(t => new FilterOption(t.Id.ToString(), t.Name)).ToArray();
        DistrictOptions = Districts.List.Select(d => new FilterOption(d.ToString(), d.DisplayName(Language))).ToArray();
        StateOptions = BoardFilters.States.Select(s => new FilterOption(s, l[$"State.{s}"])).ToArray();

        var today = ZonedTime.Today(time, Org.Organisation.Zone);
        StartDate = Dates.Iso(Dates.Parse(Date) ?? today);
        Empty = !await db.Activities.AsNoTracking().AnyAsync(a => a.OrganisationId == Org.Id && (scope == null || scope.Contains(a.ProgrammeId)), ct);

        var feedProgramme = Filters.ProgrammeId ?? (programmes.Length == 1 ? programmes[0].Id : null);
        if (feedProgramme is { } fp && !Empty)
        {
            FeedUrl = await feeds.ProgrammeUrlAsync(Org, fp, ct);
            FeedProgrammeName = programmes.First(p => p.Id == fp).Name;
        }
    }

    /// <summary>A site path with query parameters, empty ones left out.</summary>
    public static string LinkTo(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var q = string.Join("&", query.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        return q.Length == 0 ? path : $"{path}?{q}";
    }
}
