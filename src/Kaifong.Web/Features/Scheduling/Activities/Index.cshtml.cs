using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling.Activities;

/// <summary>活動: the activities in the coordinator's programmes, the next date first.</summary>
public sealed class IndexModel(KaifongDb db, TimeProvider time) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    public sealed record Row(Guid Id, string Title, string? Programme, string? RRule, DateOnly StartDate, DateOnly? Next);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var scope = Org.Viewer.Scope;
        var today = ZonedTime.Today(time, Org.Organisation.Zone);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.OrganisationId == Org.Id && (scope == null || scope.Contains(a.ProgrammeId)))
            .Select(a => new { a.Id, a.Title, a.ProgrammeId, a.RRule, a.StartDate })
            .Take(500).ToListAsync(ct);
        var ids = activities.Select(a => a.Id).ToArray();
        var next = (await db.Occurrences.AsNoTracking()
                .Where(o => o.OrganisationId == Org.Id && ids.Contains(o.ActivityId) && !o.Cancelled && o.Date >= today)
                .Select(o => new { o.ActivityId, o.Date }).ToListAsync(ct))
            .GroupBy(o => o.ActivityId).ToDictionary(g => g.Key, g => g.Min(o => o.Date));
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == Org.Id).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Rows = activities
            .Select(a => new Row(a.Id, a.Title, programmes.GetValueOrDefault(a.ProgrammeId), a.RRule, a.StartDate, next.TryGetValue(a.Id, out var d) ? d : null))
            .OrderBy(r => r.Next is null).ThenBy(r => r.Next).ThenByDescending(r => r.StartDate).ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToArray();
    }
}
