using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Organisations;

/// <summary>The organisation's front page: for staff, the queue and counts; for volunteers, where to go next.</summary>
public sealed class DashboardModel(KaifongDb db, TimeProvider time) : OrgPageModel
{
    public int Pending { get; private set; }
    public int Active { get; private set; }
    public int Programmes { get; private set; }
    public string LocalNow { get; private set; } = "";

    public async Task OnGetAsync()
    {
        LocalNow = OrgTime.Format(time.GetUtcNow(), Org.Organisation);
        if (!Org.Viewer.IsStaff)
        {
            return;
        }

        var members = db.Memberships.Where(m => m.OrganisationId == Org.Id);
        if (Org.Viewer.Scope is { } scope)
        {
            members = members.Where(m => m.Programmes.Any(p => scope.Contains(p.ProgrammeId)));
        }

        Pending = await members.CountAsync(m => m.Status == MembershipStatus.Pending);
        Active = await members.CountAsync(m => m.Status == MembershipStatus.Active);
        Programmes = await db.Programmes.CountAsync(p => p.OrganisationId == Org.Id);
    }
}
