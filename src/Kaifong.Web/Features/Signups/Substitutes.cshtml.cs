using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Signups;

/// <summary>替班: the coordinators' list of open substitute requests in their scope, soonest shift first.</summary>
public sealed class SubstitutesModel(SubstituteCommands substitutes, UnconfirmedPlaces unconfirmed) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    public IReadOnlyList<OpenSubstituteDto> Open { get; private set; } = [];

    /// <summary>逾期未確認: places whose holder has not confirmed in time (to phone them, or find someone else).</summary>
    public IReadOnlyList<UnconfirmedPlaces.Overdue> Overdue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Open = await substitutes.OpenListAsync(Org, HttpContext.RequestAborted);
        Overdue = await unconfirmed.OverdueAsync(Org, HttpContext.RequestAborted);
    }
}
