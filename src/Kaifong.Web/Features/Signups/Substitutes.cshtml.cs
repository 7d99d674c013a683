using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Signups;

/// <summary>替班: the coordinators' list of open substitute requests in their scope, soonest shift first.</summary>
public sealed class SubstitutesModel(SubstituteCommands substitutes) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    public IReadOnlyList<OpenSubstituteDto> Open { get; private set; } = [];

    public async Task OnGetAsync() => Open = await substitutes.OpenListAsync(Org, HttpContext.RequestAborted);
}
