using Kaifong.Data;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaifong.Web.Features.Account;

/// <summary>Signs out this browser: its session ends on the server too, so a copy of the cookie stops working.</summary>
public sealed class LogoutModel(SignInManager<KaifongUser> signIn, SessionStore sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndAsync(User);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
