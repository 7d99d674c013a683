using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kaifong.Web.Features.Account;

/// <summary>Sign-in without a password: a link by e-mail, valid 15 minutes, once.</summary>
[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class MagicLinkModel(AccountMailQueue mail) : PageModel
{
    public bool Sent { get; private set; }

    public void OnPost(string? email)
    {
        mail.Enqueue(email, AccountMail.Link.MagicSignIn);
        Sent = true;
    }
}
