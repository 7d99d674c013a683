using Kaifong.Data;
using Kaifong.Web.Features.Profile;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Account;

[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class LoginWith2faModel(SignInManager<KaifongUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length is 0 or > 12)
        {
            ModelState.AddModelError("", l["Error.InvalidTwoFactorCode"]);
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        return Outcome(result);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode)
    {
        if (string.IsNullOrWhiteSpace(recoveryCode) || recoveryCode.Length > 20)
        {
            ModelState.AddModelError("", l["Error.InvalidTwoFactorCode"]);
            return Page();
        }

        return Outcome(await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode.Replace(" ", "", StringComparison.Ordinal)));
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(Preferences.SafeReturn(ReturnUrl));
        }

        ModelState.AddModelError("", l[result.IsLockedOut ? "Error.LockedOut" : "Error.InvalidTwoFactorCode"]);
        return Page();
    }
}
