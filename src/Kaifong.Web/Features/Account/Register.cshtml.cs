using Kaifong.Data;
using Kaifong.Web.Features.Invitations;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Features.Profile;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Account;

/// <summary>Registration, with the PICS of the organisation being joined (or the standard one) read and acknowledged.</summary>
[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class RegisterModel(
    AccountService accounts, SignInManager<KaifongUser> signIn, InvitationCommands invitations, Problems problems, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? DisplayName { get; set; }
        public string? Language { get; set; }
        public bool PicsRead { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string PicsText { get; private set; } = "";
    public string? OrganisationName { get; private set; }

    public async Task OnGetAsync()
    {
        Input.Language = Localisation.CurrentLanguage;
        await LoadPicsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadPicsAsync();
        if (!Input.PicsRead)
        {
            // Nothing is saved until the statement has been read; the other fields are checked meanwhile.
            ModelState.AddModelError("Input.PicsRead", l["Error.PicsRequired"]);
            problems.AddTo(ModelState, AccountService.CheckRegistration(Input.Email, Input.Password, Input.DisplayName, Input.Language).Errors);
            return Page();
        }

        var (user, errors) = await accounts.RegisterAsync(Input.Email, Input.Password, Input.DisplayName, Input.Language);
        if (user is null)
        {
            problems.AddTo(ModelState, errors);
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: true);
        LanguageCookie.Set(Response, user.Language);
        return LocalRedirect(Preferences.SafeReturn(ReturnUrl ?? "/me/profile?welcome=1"));
    }

    /// <summary>When registering from an invitation link, the PICS shown is that organisation's.</summary>
    private async Task LoadPicsAsync()
    {
        var org = default(Domain.Organisations.Organisation);
        if (ReturnUrl is { } url && url.StartsWith("/invite/", StringComparison.Ordinal))
        {
            var found = await invitations.FindAsync(url["/invite/".Length..].Split('?')[0], HttpContext.RequestAborted);
            if (found.IsSuccess)
            {
                org = found.Value.Organisation;
                OrganisationName = org.Name;
            }
        }

        PicsText = Pics.For(org, Localisation.CurrentLanguage, l);
    }
}
