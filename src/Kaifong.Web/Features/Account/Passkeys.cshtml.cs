using Kaifong.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Account;

public sealed record PasskeyView(string Id, string? Name, DateTimeOffset CreatedAt);

/// <summary>Passkeys (Identity's WebAuthn support in .NET 10): sign in with the phone's fingerprint or face, no password.</summary>
public sealed class PasskeysModel(UserManager<KaifongUser> users, SignInManager<KaifongUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<PasskeyView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email!,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(string? credentialJson, string? name)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var attestation = string.IsNullOrEmpty(credentialJson) || credentialJson.Length > 64_000 ? null : await signIn.PerformPasskeyAttestationAsync(credentialJson);
        if (attestation is not { Succeeded: true })
        {
            ModelState.AddModelError("", l["Account.PasskeyFailed"]);
            await LoadAsync();
            return Page();
        }

        var passkey = attestation.Passkey;
        var clean = Kaifong.Domain.Common.FreeText.Clean(name, 200);
        passkey.Name = clean.Value is { } n ? n[..Math.Min(60, n.Length)] : null;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        TempData["Flash"] = l["Account.PasskeyAdded"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        try
        {
            await users.RemovePasskeyAsync(user, WebEncoders.Base64UrlDecode(id ?? ""));
        }
        catch (FormatException)
        {
            return BadRequest();
        }

        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Items = (await users.GetPasskeysAsync(user))
            .Select(p => new PasskeyView(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name, p.CreatedAt))
            .OrderBy(p => p.CreatedAt).ToList();
        return true;
    }
}
