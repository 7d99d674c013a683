using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Kaifong.Web.Features.Invitations;

/// <summary>Invitation links for staff: make one (role, programmes, expiry, uses, approval), share it, revoke it.</summary>
public sealed class IndexModel(
    InvitationCommands invitations, OrganisationCommands organisations, Problems problems, TimeProvider time, TwoFactorGate gate,
    IStringLocalizer<SharedResource> l) : OrgPageModel
{
    protected override Need Requires => Need.Staff;

    public IReadOnlyList<InvitationDto> Items { get; private set; } = [];
    public IReadOnlyList<ProgrammeDto> Programmes { get; private set; } = [];
    public InvitationCreated? Created { get; private set; }

    public IEnumerable<MemberRoles> RolesOffered =>
        Org.Viewer.IsAdmin ? [MemberRoles.Volunteer, MemberRoles.Lead, MemberRoles.Coordinator, MemberRoles.Admin] : [MemberRoles.Volunteer, MemberRoles.Lead];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? role, List<Guid>? programmeIds, bool requiresApproval, int? days, int? maxUses)
    {
        if (await gate.MustSetUpAsync(Org, User))
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = Request.Path.Value, required = true });
        }

        if (days is < 1 or > 366)
        {
            ModelState.AddModelError("", problems.Text(InvitationErrors.ExpiryTooFar));
            await LoadAsync();
            return Page();
        }

        var expires = time.GetUtcNow().AddDays(days ?? 14);
        var result = await invitations.CreateAsync(Org, new CreateInvitationRequest(role, programmeIds, requiresApproval, expires, maxUses), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", problems.Text(result.Error!));
        }

        Created = result.Value;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await invitations.RevokeAsync(Org, id, HttpContext.RequestAborted) is { } error)
        {
            return error.Kind == ErrorKind.NotFound ? NotFound() : BadRequest();
        }

        TempData["Flash"] = l["Invitation.Revoked"].Value;
        return RedirectToPage();
    }

    public string WhatsAppLink(string url) =>
        "https://wa.me/?text=" + Uri.EscapeDataString(l["Invitation.WhatsAppText", Org.Organisation.Name, url]);

    public string QrFor(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private async Task LoadAsync()
    {
        Items = await invitations.ListAsync(Org, HttpContext.RequestAborted);
        Programmes = await organisations.ProgrammesAsync(Org.Id, HttpContext.RequestAborted);
    }
}
