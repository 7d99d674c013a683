using Kaifong.Data;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Account;

[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class MagicModel(UserManager<KaifongUser> users, SignInManager<KaifongUser> signIn, AccountMail mail, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public new Guid? User { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public void OnGet()
    {
        if (User is null || string.IsNullOrEmpty(Code))
        {
            ModelState.AddModelError("", l["Error.MagicLinkInvalid"]);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = User is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || !await mail.RedeemMagicLinkAsync(user, Code ?? ""))
        {
            ModelState.AddModelError("", l["Error.MagicLinkInvalid"]);
            return Page();
        }

        if (user.TwoFactorEnabled)
        {
            // A link proves the mailbox, not the second factor: people with 2FA sign in with password and code.
            ModelState.AddModelError("", l["Error.MagicLinkNeedsTwoFactor"]);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect("/");
    }
}
