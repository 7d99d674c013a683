using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.People;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling.Volunteer;

/// <summary>搵更: shifts the person may sign up to, across their organisations, for the next four weeks from a date.</summary>
public sealed class OpenShiftsModel(ScheduleQueries queries, KaifongDb db, TimeProvider time, Problems problems) : PageModel
{
    public const int Days = 28;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Programme { get; set; }

    /// <summary>The programmes of the person's organisations (with the organisation's name when they are in several).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Programmes { get; private set; } = [];

    public IReadOnlyList<ShiftDto> Shifts { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Organisations { get; private set; } = [];
    public string? Error { get; private set; }
    public IReadOnlyList<string> Pending { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.RequiredUserId();
        (Pending, _) = await queries.ApplicationsAsync(userId, HttpContext.RequestAborted);
        Organisations = (await db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.Status == MembershipStatus.Active)
                .Join(db.Organisations.AsNoTracking(), m => m.OrganisationId, o => o.Id, (m, o) => new { o.Slug, o.Name })
                .OrderBy(o => o.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(o => (o.Slug, o.Name)).ToArray();
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => db.Memberships.Any(m => m.UserId == userId && m.Status == MembershipStatus.Active && m.OrganisationId == p.OrganisationId))
            .Join(db.Organisations.AsNoTracking(), p => p.OrganisationId, o => o.Id, (p, o) => new { p.Id, p.Name, Org = o.Name })
            .OrderBy(p => p.Org).ThenBy(p => p.Name).ToListAsync(HttpContext.RequestAborted);
        Programmes = programmes.Select(p => (p.Id, Organisations.Count > 1 ? $"{p.Name}（{p.Org}）" : p.Name)).ToArray();
        var programme = Programmes.Any(p => p.Id == Programme) ? Programme : null;
        var today = ScheduleEndpoints.HongKongToday(time);
        var range = ScheduleQueries.Range(From, null, today);
        District? district = null;
        if (range.Error is { } e)
        {
            Error = problems.Text(e);
            range = ScheduleQueries.Range(null, null, today);
        }

        if (!string.IsNullOrWhiteSpace(District))
        {
            if (Domain.People.Districts.TryParse(District, out var d))
            {
                district = d;
            }
            else
            {
                Error = problems.Text(Domain.Scheduling.SchedulingErrors.UnknownDistrict);
                District = null;
            }
        }

        var (from, _) = range.Value;
        From = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var zone = Domain.Organisations.OrganisationRules.FindZone(Domain.Organisations.OrganisationRules.DefaultTimeZone)!;
        var (f, t) = ScheduleQueries.Instants(from, from.AddDays(Days - 1), zone);
        var organisation = Organisations.Any(o => o.Slug == Organisation) ? Organisation : null;
        Shifts = await queries.OpenShiftsAsync(userId, f, t, district, programme, organisation, HttpContext.RequestAborted);
    }
}
