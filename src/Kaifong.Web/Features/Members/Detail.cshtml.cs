using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Members;

public sealed record ContactView(string? Email, string? Phone);

/// <summary>One member: roles, programmes, skills; contact details only on request, and every request audited.</summary>
public sealed class DetailModel(
    MemberCommands members, OrganisationCommands organisations, Account.SessionCommands sessions, Problems problems, TwoFactorGate gate, IStringLocalizer<SharedResource> l)
    : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MemberDto? Member { get; private set; }
    public ContactView? Contact { get; private set; }
    public IReadOnlyList<ProgrammeDto> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(withContact: false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostContactAsync()
    {
        if (!await LoadAsync(withContact: true))
        {
            return NotFound();
        }

        Contact = new ContactView(Member!.Email, Member.Phone);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync() => DecideAsync(true);

    public Task<IActionResult> OnPostRejectAsync() => DecideAsync(false);

    public async Task<IActionResult> OnPostRolesAsync(List<string?>? roles, List<Guid>? programmeIds)
    {
        if (await gate.AdminCheckAsync(Org, User) is { } stop)
        {
            return stop.Code == "forbidden" ? Forbid() : RedirectToPage("/Account/TwoFactor", new { returnUrl = Request.Path.Value, required = true });
        }

        return await AfterAsync(await members.SetRolesAsync(Org, Id, new RolesRequest(roles, programmeIds), HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var error = await sessions.SignOutEverywhereAsync(Org, User, Id, HttpContext.RequestAborted);
        if (error is null)
        {
            TempData["Flash"] = l["Member.SignedOutEverywhere"].Value;
            return RedirectToPage();
        }

        return error.Code == "forbidden" ? Forbid()
            : error.Code == MembershipErrors.TwoFactorRequired.Code ? RedirectToPage("/Account/TwoFactor", new { returnUrl = Request.Path.Value, required = true })
            : await FailedAsync(error);
    }

    public async Task<IActionResult> OnPostSkillsAsync(List<SkillInputDto?>? skills) =>
        await AfterAsync(await members.SetSkillsAsync(Org, Id, skills, HttpContext.RequestAborted));

    private async Task<IActionResult> DecideAsync(bool approve)
    {
        var result = await members.DecideAsync(Org, Id, approve, HttpContext.RequestAborted);
        return result.IsSuccess ? await SavedAsync() : await FailedAsync(result.Error!);
    }

    private async Task<IActionResult> AfterAsync(Result<MemberDto> result) =>
        result.IsSuccess ? await SavedAsync() : await FailedAsync(result.Error!);

    private Task<IActionResult> SavedAsync()
    {
        TempData["Flash"] = l["Common.Saved"].Value;
        return Task.FromResult<IActionResult>(RedirectToPage());
    }

    private async Task<IActionResult> FailedAsync(Error error)
    {
        if (error.Kind == ErrorKind.NotFound || !await LoadAsync(withContact: false))
        {
            return NotFound();
        }

        ModelState.AddModelError("", problems.Text(error));
        return Page();
    }

    private async Task<bool> LoadAsync(bool withContact)
    {
        Member = await members.GetAsync(Org, Id, withContact, HttpContext.RequestAborted);
        Programmes = await organisations.ProgrammesAsync(Org.Id, HttpContext.RequestAborted);
        return Member is not null;
    }
}
