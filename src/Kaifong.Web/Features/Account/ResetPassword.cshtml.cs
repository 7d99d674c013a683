using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Account;

[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class ResetPasswordModel(AccountService accounts, Problems problems, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password)
    {
        var errors = await accounts.ResetPasswordAsync(Email, Code, password);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError("", problems.Text(e));
            }

            return Page();
        }

        TempData["Flash"] = l["Account.PasswordResetDone"].Value;
        return RedirectToPage("/Account/Login");
    }
}
