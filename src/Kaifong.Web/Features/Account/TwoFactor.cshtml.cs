using Kaifong.Data;
using Kaifong.Web.Features.Profile;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Kaifong.Web.Features.Account;

/// <summary>Set up an authenticator app (TOTP): scan the QR code, type a code, keep the recovery codes.</summary>
public sealed class TwoFactorModel(AccountService accounts, UserManager<KaifongUser> users, SignInManager<KaifongUser> signIn, Problems problems) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public string[]? RecoveryCodes { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(await accounts.ManageTwoFactorAsync(User, Status));

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var result = await accounts.ManageTwoFactorAsync(User, new TwoFactorRequest(true, code, false, false));
        if (!result.IsSuccess)
        {
            return await ShowAsync(result.Error!);
        }

        // Turning 2FA on ended every earlier session, this browser's too: it gets a new one and carries on.
        await RefreshAsync();
        ReturnUrl = string.IsNullOrEmpty(ReturnUrl) ? null : Preferences.SafeReturn(ReturnUrl);
        await LoadAsync(result);
        return Page();
    }

    /// <summary>New recovery codes, with the password or a current code as proof (a signed-in browser alone is not enough).</summary>
    public async Task<IActionResult> OnPostRecoveryAsync(string? currentPassword, string? proofCode)
    {
        var result = await accounts.ManageTwoFactorAsync(User, new TwoFactorRequest(null, proofCode, false, true, currentPassword));
        if (!result.IsSuccess)
        {
            return await ShowAsync(result.Error!);
        }

        await LoadAsync(result);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? currentPassword, string? proofCode)
    {
        var result = await accounts.ManageTwoFactorAsync(User, new TwoFactorRequest(false, proofCode, true, false, currentPassword));
        if (!result.IsSuccess)
        {
            return await ShowAsync(result.Error!);
        }

        await RefreshAsync();
        return RedirectToPage();
    }

    private static readonly TwoFactorRequest Status = new(null, null, false, false);

    private async Task<IActionResult> ShowAsync(Domain.Common.Error error)
    {
        ModelState.AddModelError("", problems.Text(error));
        await LoadAsync(await accounts.ManageTwoFactorAsync(User, Status));
        return Page();
    }

    private async Task RefreshAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private async Task LoadAsync(Domain.Common.Result<TwoFactorResponse> result)
    {
        if (result.Value is not { } state || await users.GetUserAsync(User) is not { } user)
        {
            return;
        }

        IsEnabled = state.IsTwoFactorEnabled;
        RecoveryCodesLeft = state.RecoveryCodesLeft;
        RecoveryCodes = state.RecoveryCodes;
        if (state.SharedKey is null)
        {
            return;
        }

        FormattedKey = AccountService.FormatKey(state.SharedKey);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AccountService.AuthenticatorUri(user.Email!, state.SharedKey), QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
