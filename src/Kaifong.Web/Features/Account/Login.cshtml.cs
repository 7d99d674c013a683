using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Web.Features.Profile;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Account;

/// <summary>Password sign-in with lockout; people with two-factor go on to the code page.</summary>
[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class LoginModel(SignInManager<KaifongUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson)
    {
        var result = string.IsNullOrEmpty(credentialJson) || credentialJson.Length > 64_000
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasskeySignInAsync(credentialJson);
        if (result.Succeeded)
        {
            return LocalRedirect(Preferences.SafeReturn(ReturnUrl));
        }

        ModelState.AddModelError("", l[result.IsLockedOut ? "Error.LockedOut" : "Account.PasskeyFailed"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password)
            || Input.Email.Length > Limits.Email || Input.Password.Length > Limits.Password)
        {
            ModelState.AddModelError("", l["Error.SignInFailed"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Preferences.SafeReturn(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        // A locked account reads as a wrong password (the text says accounts lock), so nobody learns it exists.
        ModelState.AddModelError("", l["Error.SignInFailed"]);
        return Page();
    }
}
