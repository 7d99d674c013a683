using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Organisations;

/// <summary>服務計劃: the organisation's standing services. Coordinators are scoped to them.</summary>
public sealed class ProgrammesModel(OrganisationCommands commands, Problems problems) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    public IReadOnlyList<ProgrammeDto> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await commands.ProgrammesAsync(Org.Id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(string? name)
    {
        var result = await commands.AddProgrammeAsync(Org, name, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", problems.Text(result.Error!));
            Items = await commands.ProgrammesAsync(Org.Id, HttpContext.RequestAborted);
            return Page();
        }

        return RedirectToPage();
    }
}
