using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kaifong.Web.Features.Account;

/// <summary>Always answers "check your e-mail", so nobody learns whether an address has an account.</summary>
[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class ForgotPasswordModel(AccountMailQueue mail) : PageModel
{
    public bool Sent { get; private set; }

    public void OnPost(string? email)
    {
        mail.Enqueue(email, AccountMail.Link.PasswordReset);
        Sent = true;
    }
}
