using Kaifong.Data;
using Kaifong.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Board;

/// <summary>甘特圖: the resource timeline, rows being activities or (group=programme) programmes, bars the shifts.</summary>
public sealed class BoardModel(
    KaifongDb db, OrganisationCommands organisations, CatalogueCommands catalogue, CalendarFeeds feeds, TimeProvider time, IStringLocalizer<SharedResource> l)
    : BoardPageModel(db, organisations, catalogue, feeds, time, l)
{
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    public bool ByProgramme => string.Equals(Group, "programme", StringComparison.OrdinalIgnoreCase);

    public override string CalendarView => "gantt";

    public override string EventsUrl => LinkTo($"/o/{Org.Slug}/calendar/events", ByProgramme ? Filters.Query().Append(new("group", "programme")) : Filters.Query());
}
