using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Messaging;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace Kaifong.Web.Features.Account;

/// <summary>Password-reset and sign-in links, written to the outbox in the person's own language.</summary>
public sealed class AccountMail(
    KaifongDb db, UserManager<KaifongUser> users, MessageTemplates templates, OutboxSignal signal, Links links, TimeProvider time)
{
    private const string NonceProvider = "Kaifong";
    private const string NonceName = "MagicLinkNonce";

    public enum Link
    {
        PasswordReset,
        MagicSignIn,
    }

    /// <summary>
    /// Sends the link when the address has an account, and says nothing either way (no account enumeration). Runs off
    /// the request (<see cref="AccountMailQueue"/>); links come from the configured public address (<see cref="Links"/>).
    /// </summary>
    public async Task SendIfRegisteredAsync(string? email, Link link)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > Limits.Email || await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return;
        }

        await (link == Link.PasswordReset ? SendPasswordResetAsync(user) : SendMagicLinkAsync(user));
    }

    public async Task SendPasswordResetAsync(KaifongUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={Encode(token)}");
        await EnqueueAsync(user, "password_reset", new { displayName = user.DisplayName, link }, $"password_reset:{user.Id}:{Hash(token)}");
    }

    public async Task SendMagicLinkAsync(KaifongUser user)
    {
        // A fresh nonce per link: asking again invalidates the previous link, and using a link spends it.
        var nonce = Tokens.NewUrlToken(16);
        await users.SetAuthenticationTokenAsync(user, NonceProvider, NonceName, nonce);
        var token = await users.GenerateUserTokenAsync(user, IdentitySetup.MagicLinkProvider, Purpose(nonce));
        var link = links.Absolute($"/account/magic?user={user.Id}&code={Encode(token)}");
        await EnqueueAsync(user, "magic_link", new { displayName = user.DisplayName, link, minutes = (int)MagicLinkTokenOptions.Lifespan.TotalMinutes }, $"magic_link:{user.Id}:{nonce}");
    }

    /// <summary>True once per link: checks the token against the current nonce, then spends the nonce.</summary>
    public async Task<bool> RedeemMagicLinkAsync(KaifongUser user, string encodedToken)
    {
        var nonce = await users.GetAuthenticationTokenAsync(user, NonceProvider, NonceName);
        if (nonce is null || Decode(encodedToken) is not { } token)
        {
            return false;
        }

        if (!await users.VerifyUserTokenAsync(user, IdentitySetup.MagicLinkProvider, Purpose(nonce), token))
        {
            return false;
        }

        await users.RemoveAuthenticationTokenAsync(user, NonceProvider, NonceName);
        return true;
    }

    private static string Purpose(string nonce) => "magic-sign-in:" + nonce;

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Hash(string s) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..16];

    private async Task EnqueueAsync(KaifongUser user, string kind, object model, string key)
    {
        var message = templates.Render(kind, user.Language, model);
        OutboxWriter.EnqueueEmail(db, time, null, kind, user.Email!, message, key);
        await db.SaveChangesAsync();
        signal.Notify();
    }
}
