using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Invitations;

/// <summary>The page an invitation link opens: who is inviting, for what, the PICS, and one button.</summary>
public sealed class AcceptModel(InvitationCommands invitations, UserManager<KaifongUser> users, Problems problems, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Problem { get; private set; }
    public string? OrganisationName { get; private set; }
    public string? OrganisationSlug { get; private set; }
    public string Role { get; private set; } = "";
    public bool RequiresApproval { get; private set; }
    public string PicsText { get; private set; } = "";
    public AcceptResponse? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? link)
    {
        // "Paste your invitation link" on the home page lands here with ?link=…
        if (Token is null && link is { Length: < 2000 } && link.Contains("/invite/", StringComparison.Ordinal))
        {
            var token = link[(link.LastIndexOf("/invite/", StringComparison.Ordinal) + 8)..].Split('?', '#', '/')[0];
            return Redirect(Links.Invitation(token));
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await LoadAsync())
        {
            // Already used up, perhaps by this very person a moment ago: the command answers that too.
            Problem = null;
        }

        var result = await invitations.AcceptAsync(Token, user, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            Result = result.Value;
            Problem = null;
            Response.StatusCode = StatusCodes.Status200OK;
        }
        else
        {
            Problem = problems.Text(result.Error!);
        }

        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var found = await invitations.FindAsync(Token, HttpContext.RequestAborted);
        if (!found.IsSuccess)
        {
            Problem = problems.Text(found.Error!);
            Response.StatusCode = found.Error!.Kind == ErrorKind.NotFound ? 404 : 410;
            return false;
        }

        var (invitation, organisation) = found.Value;
        OrganisationName = organisation.Name;
        OrganisationSlug = organisation.Slug;
        Role = invitation.Role.ToString();
        RequiresApproval = invitation.RequiresApproval;
        PicsText = Pics.For(organisation, Localisation.CurrentLanguage, l);
        return true;
    }
}
