using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Calendar;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Board;

/// <summary>The JSON calendar.js reads (docs/architecture.md, "Calendar module").</summary>
public sealed record CalendarFeedDto(IReadOnlyList<CalendarEventDto> Events, IReadOnlyList<CalendarResourceDto> Resources, IReadOnlyList<CalendarHolidayDto> Holidays);

public sealed record CalendarEventDto(string Id, string ResourceId, string Title, string Start, string End, string State, string Label, string Url);

public sealed record CalendarResourceDto(string Id, string Title);

public sealed record CalendarHolidayDto(string Date, string Name);

/// <summary>
/// 日曆: month, week, day and list views of the shifts in the viewer's programmes, coloured and labelled by fill state,
/// with Hong Kong holidays; /o/{org}/calendar/events is the JSON behind it and behind the Gantt board.
/// </summary>
public sealed class CalendarModel(
    KaifongDb db, OrganisationCommands organisations, CatalogueCommands catalogue, CalendarFeeds feeds, ScheduleQueries queries,
    Problems problems, TimeProvider clock, IStringLocalizer<SharedResource> localizer, Holidays holidayCalendar)
    : BoardPageModel(db, organisations, catalogue, feeds, clock, localizer)
{
    private static readonly Dictionary<string, string> Views = new(StringComparer.OrdinalIgnoreCase)
    {
        ["month"] = "month", ["week"] = "week", ["day"] = "day", ["list"] = "list",
    };

    public override string CalendarView => View is not null && Views.TryGetValue(View, out var v) ? v : "month";

    /// <summary>
    /// GET /o/{org}/calendar/events?start=yyyy-MM-dd&amp;end=yyyy-MM-dd (end exclusive) and the page's filters;
    /// group=programme makes the board's rows programmes instead of activities.
    /// </summary>
    public async Task<IActionResult> OnGetEventsAsync(string? start, string? end, string? group)
    {
        var ct = HttpContext.RequestAborted;
        var today = ZonedTime.Today(Time, Org.Organisation.Zone);
        string? last = null;
        if (!string.IsNullOrWhiteSpace(end))
        {
            if (Dates.Parse(end) is not { } e || e == Dates.Earliest)
            {
                return Problem(problems.From(new Error("validation", "Error.InvalidDate", Field: "end")));
            }

            last = Dates.Iso(e.AddDays(-1));
        }

        var range = ScheduleQueries.Range(start, last, today);
        if (range.Error is { } rangeError)
        {
            return Problem(problems.From(rangeError.Field == "from" ? rangeError.WithField("start") : rangeError.WithField("end")));
        }

        var (filters, errors) = BoardFilters.Parse(Programme, District, Type, State);
        if (errors.Count > 0)
        {
            return Problem(problems.Validation(errors));
        }

        var (from, to) = range.Value;
        var shifts = filters.Apply(await queries.ShiftsAsync(Org, filters.ToShiftFilter(from, to), ct)).ToArray();
        var byProgramme = string.Equals(group, "programme", StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<CalendarResourceDto> resources;
        if (byProgramme)
        {
            var names = (await Organisations.ProgrammesAsync(Org.Id, ct)).ToDictionary(p => p.Id, p => p.Name);
            resources = shifts.Select(s => s.ProgrammeId).Distinct()
                .Select(id => new CalendarResourceDto(id.ToString(), names.GetValueOrDefault(id, "")))
                .OrderBy(r => r.Title, StringComparer.CurrentCulture).ToArray();
        }
        else
        {
            resources = shifts.GroupBy(s => s.ActivityId)
                .Select(g => new CalendarResourceDto(g.Key.ToString(), g.First().Title))
                .OrderBy(r => r.Title, StringComparer.CurrentCulture).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        }

        var events = shifts.Select(s => new CalendarEventDto(
            s.Id.ToString(), (byProgramme ? s.ProgrammeId : s.ActivityId).ToString(), $"{s.Title} · {s.Role}",
            Local(s.Start), Local(s.End), ShiftText.StateName(s), ShiftText.Label(s, L), $"/o/{Org.Slug}/shifts/{s.Id}")).ToArray();
        var holidays = holidayCalendar.Between(from, to)
            .Select(h => new CalendarHolidayDto(h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name(Language))).ToArray();
        return new JsonResult(new CalendarFeedDto(events, resources, holidays));
    }

    /// <summary>The JSON answers as an API would: problem details, 404 for non-members and 403 for volunteers (no redirects).</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        await base.OnPageHandlerExecutionAsync(context, next);
        if (!string.Equals(context.HandlerMethod?.Name, "Events", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (context.Result is NotFoundResult)
        {
            context.Result = Problem(problems.NotFound());
        }
        else if (context.Result is ForbidResult)
        {
            context.Result = Problem(problems.Forbidden());
        }
    }

    private static string Local(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static ProblemActionResult Problem(IResult result) => new(result);
}

/// <summary>A minimal API result (problem details) answered from a page handler.</summary>
public sealed class ProblemActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
