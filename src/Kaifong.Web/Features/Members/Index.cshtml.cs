using Kaifong.Domain.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Kaifong.Web.Features.Members;

public sealed record MemberRowView(string Slug, MemberDto Member, IReadOnlyList<string> ProgrammeNames);

/// <summary>成員: staff see the members in their scope, and approve or reject the ones waiting (a tap each, htmx-swapped).</summary>
public sealed class IndexModel(MemberCommands members, OrganisationCommands organisations, Problems problems) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<MemberRowView> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        MembershipStatus? filter = Enum.TryParse<MembershipStatus>(Status, true, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _) ? s : null;
        Status = filter?.ToString();
        var list = await members.ListAsync(Org, filter, withContacts: false, HttpContext.RequestAborted);
        var names = await ProgrammeNamesAsync();
        Rows = list.Select(m => Row(m, names)).ToList();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id) => DecideAsync(id, approve: true);

    public Task<IActionResult> OnPostRejectAsync(Guid id) => DecideAsync(id, approve: false);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve)
    {
        var result = await members.DecideAsync(Org, id, approve, HttpContext.RequestAborted);
        if (!result.IsSuccess && result.Error!.Kind == Domain.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            TempData["Flash"] = problems.Text(result.Error!);
        }

        if (IsHtmx && await members.GetAsync(Org, id, withContact: false, HttpContext.RequestAborted) is { } member)
        {
            return Partial("_MemberRow", Row(member, await ProgrammeNamesAsync()));
        }

        return RedirectToPage(new { status = Status });
    }

    private async Task<Dictionary<Guid, string>> ProgrammeNamesAsync() =>
        (await organisations.ProgrammesAsync(Org.Id, HttpContext.RequestAborted)).ToDictionary(p => p.Id, p => p.Name);

    private MemberRowView Row(MemberDto m, Dictionary<Guid, string> names) =>
        new(Org.Slug, m, m.ProgrammeIds.Where(names.ContainsKey).Select(p => names[p]).ToList());
}
