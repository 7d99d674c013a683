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

    public async Task OnGetAsync() => await LoadAsync(await accounts.ManageTwoFactorAsync(User, null, null, false, false));

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var result = await accounts.ManageTwoFactorAsync(User, true, code, false, false);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", problems.Text(result.Error!));
            await LoadAsync(await accounts.ManageTwoFactorAsync(User, null, null, false, false));
            return Page();
        }

        await RefreshAsync();
        ReturnUrl = string.IsNullOrEmpty(ReturnUrl) ? null : Preferences.SafeReturn(ReturnUrl);
        await LoadAsync(result);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        await LoadAsync(await accounts.ManageTwoFactorAsync(User, null, null, false, true));
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await accounts.ManageTwoFactorAsync(User, false, null, true, false);
        await RefreshAsync();
        return RedirectToPage();
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
        FormattedKey = AccountService.FormatKey(state.SharedKey);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AccountService.AuthenticatorUri(user.Email!, state.SharedKey), QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
