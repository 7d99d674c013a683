using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kaifong.Web.Features.Account;

/// <summary>Account operations shared by the pages and the API, with Identity's errors turned into ours.</summary>
public sealed class AccountService(UserManager<KaifongUser> users, IUserStore<KaifongUser> store, Problems problems, TimeProvider time, TwoFactorGate gate)
{
    private static readonly EmailAddressAttribute EmailCheck = new();

    /// <summary>The same minimum Identity enforces (IdentitySetup), checked early so every form error shows at once.</summary>
    public const int MinPasswordLength = IdentitySetup.MinPasswordLength;

    public ProblemHttpResult Problem(IEnumerable<Error> errors) => problems.Validation(errors);

    public static Error? CheckEmail(string? email)
    {
        var e = email?.Trim() ?? "";
        if (e.Length == 0)
        {
            return new Error("validation", "Error.Required", Field: "email");
        }

        return e.Length > Limits.Email || !EmailCheck.IsValid(e) || e.Any(char.IsWhiteSpace)
            ? new Error("validation", "Error.InvalidEmail", Field: "email")
            : null;
    }

    /// <summary>The checks that need no database: all errors at once, and the language to use.</summary>
    public static (string? Language, List<Error> Errors) CheckRegistration(string? email, string? password, string? displayName, string? language)
    {
        var errors = new List<Error>();
        if (CheckEmail(email) is { } emailError)
        {
            errors.Add(emailError);
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new Error("validation", "Error.Required", Field: "password"));
        }
        else if (password.Length > Limits.Password)
        {
            errors.Add(new Error("validation", "Error.TooLong", Field: "password", Args: [Limits.Password]));
        }
        else if (password.Length < MinPasswordLength)
        {
            errors.Add(new Error("account.weak_password", "Identity.PasswordTooShort", Field: "password", Args: [MinPasswordLength]));
        }

        if (displayName?.Trim() is { Length: > Limits.DisplayName })
        {
            errors.Add(new Error("validation", "Error.TooLong", Field: "displayName", Args: [Limits.DisplayName]));
        }

        string? lang = Languages.Default;
        if (!string.IsNullOrWhiteSpace(language))
        {
            lang = Languages.All.FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));
            if (lang is null)
            {
                errors.Add(new Error("validation", "Error.UnknownLanguage", Field: "language"));
            }
        }

        return (lang, errors);
    }

    public async Task<(KaifongUser? User, IReadOnlyList<Error> Errors)> RegisterAsync(string? email, string? password, string? displayName, string? language)
    {
        var (lang, errors) = CheckRegistration(email, password, displayName, language);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var name = displayName?.Trim();
        var address = email!.Trim();
        var user = new KaifongUser
        {
            Id = Ids.New(time),
            UserName = address,
            Email = address,
            DisplayName = string.IsNullOrEmpty(name) ? address.Split('@')[0] : name,
            Language = lang!,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password!);
        return result.Succeeded ? (user, []) : (null, FromIdentity(result.Errors));
    }

    public async Task<IReadOnlyList<Error>> ResetPasswordAsync(string? email, string? code, string? newPassword)
    {
        var invalid = new Error("validation", "Identity.InvalidToken", Field: "resetCode");
        if (string.IsNullOrWhiteSpace(email) || email.Length > Limits.Email || AccountMail.Decode(code) is not { } token)
        {
            return [invalid];
        }

        if (string.IsNullOrEmpty(newPassword) || newPassword.Length > Limits.Password)
        {
            return [new Error("validation", "Identity.PasswordTooShort", Field: "newPassword", Args: [MinPasswordLength])];
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return [invalid];
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            // A reset also unlocks: the person has proved they hold the mailbox.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return result.Succeeded ? [] : FromIdentity(result.Errors, passwordField: "newPassword");
    }

    public async Task<IReadOnlyList<Error>> ChangePasswordAsync(KaifongUser user, string? currentPassword, string? newPassword)
    {
        if (string.IsNullOrEmpty(currentPassword) || currentPassword.Length > Limits.Password)
        {
            return [new Error("validation", "Identity.PasswordMismatch", Field: "currentPassword")];
        }

        if (string.IsNullOrEmpty(newPassword) || newPassword.Length > Limits.Password)
        {
            return [new Error("account.weak_password", "Identity.PasswordTooShort", Field: "newPassword", Args: [MinPasswordLength])];
        }

        if (await users.IsLockedOutAsync(user))
        {
            return [LockedOut];
        }

        // ChangePasswordAsync gives the account a new security stamp: every earlier cookie and token stops working.
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
        }

        return result.Succeeded ? [] : FromIdentity(result.Errors, passwordField: "newPassword");
    }

    private static readonly Error LockedOut = new("auth.locked_out", "Error.LockedOut", Field: "currentPassword");
    private static readonly Error ProofRequired = new("auth.proof_required", "Error.TwoFactorProofRequired", Field: "currentPassword");
    private static readonly Error WrongPassword = new("auth.wrong_password", "Identity.PasswordMismatch", Field: "currentPassword");
    private static readonly Error InvalidCode = new("auth.invalid_two_factor_code", "Error.InvalidTwoFactorCode", Field: "twoFactorCode");
    private static readonly Error RequiredByOrganisation =
        new("auth.two_factor_required_by_organisation", "Error.TwoFactorRequiredByOrganisation", ErrorKind.Conflict);

    /// <summary>
    /// Set-up (2FA off: read the key, enable with a code) needs only the session. Once 2FA is on, reading the key,
    /// resetting it, turning 2FA off and new recovery codes need a proof as well: the password, or a current code. So
    /// a stolen session alone cannot take the second factor over. An admin whose organisation requires 2FA cannot turn it off.
    /// </summary>
    public async Task<Result<TwoFactorResponse>> ManageTwoFactorAsync(ClaimsPrincipal principal, TwoFactorRequest request)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return new Error("not_found", "Error.NotFound", ErrorKind.NotFound);
        }

        var wasEnabled = await users.GetTwoFactorEnabledAsync(user);
        var turnsOff = request.ResetSharedKey || request.Enable == false;
        var proven = false;
        if (wasEnabled && (turnsOff || request.ResetRecoveryCodes || request.Enable == true
            || !string.IsNullOrEmpty(request.CurrentPassword) || !string.IsNullOrEmpty(request.TwoFactorCode)))
        {
            if (await ProveAsync(user, request.CurrentPassword, request.TwoFactorCode) is { } failed)
            {
                return failed;
            }

            proven = true;
            if (turnsOff && await gate.RequiredForAsync(user.Id))
            {
                return RequiredByOrganisation;
            }
        }

        if (request.ResetSharedKey && wasEnabled)
        {
            // A new security stamp: every session ends (the API hands the caller a new one).
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, false);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || (request.ResetSharedKey && !wasEnabled))
        {
            // A key not yet enabled protects nothing, so a first one (or a new one) keeps the security stamp and the sessions.
            await ((IUserAuthenticatorKeyStore<KaifongUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
            await users.UpdateAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        string[]? recovery = null;
        if (request.Enable == true && !await users.GetTwoFactorEnabledAsync(user))
        {
            if (!await IsCurrentCodeAsync(user, request.TwoFactorCode))
            {
                return InvalidCode;
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            if (await users.CountRecoveryCodesAsync(user) == 0)
            {
                recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
            }
        }
        else if (request.Enable == false && await users.GetTwoFactorEnabledAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
        }

        var enabled = await users.GetTwoFactorEnabledAsync(user);
        if (request.ResetRecoveryCodes && enabled)
        {
            recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        }

        // While 2FA stays on, the key is shown only to a caller who has just proved who they are.
        var shownKey = !enabled || proven || !wasEnabled ? key : null;
        return new TwoFactorResponse(shownKey, await users.CountRecoveryCodesAsync(user), recovery, enabled);
    }

    /// <summary>The password or a current authenticator code; failures count towards the lockout like sign-in failures.</summary>
    private async Task<Error?> ProveAsync(KaifongUser user, string? password, string? code)
    {
        if (string.IsNullOrEmpty(password) && string.IsNullOrWhiteSpace(code))
        {
            return ProofRequired;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return LockedOut;
        }

        var ok = !string.IsNullOrEmpty(password)
            ? password.Length <= Limits.Password && await users.CheckPasswordAsync(user, password)
            : await IsCurrentCodeAsync(user, code);
        if (ok)
        {
            return null;
        }

        await users.AccessFailedAsync(user);
        return string.IsNullOrEmpty(password) ? InvalidCode : WrongPassword;
    }

    private async Task<bool> IsCurrentCodeAsync(KaifongUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 12 && await users.VerifyTwoFactorTokenAsync(
            user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    /// <summary>The otpauth:// URI authenticator apps read from the QR code.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Kaifong")}:{Uri.EscapeDataString(email)}?secret={key}&issuer=Kaifong&digits=6";

    /// <summary>"abcd efgh ijkl …" for reading aloud or typing.</summary>
    public static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return sb.ToString().ToLowerInvariant().TrimEnd();
    }

    public static IReadOnlyList<Error> FromIdentity(IEnumerable<IdentityError> errors, string passwordField = "password") =>
        errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                => new Error("account.email_taken", "Identity.DuplicateEmail", ErrorKind.Validation, "email"),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
                => new Error("validation", "Error.InvalidEmail", Field: "email"),
            nameof(IdentityErrorDescriber.PasswordTooShort)
                => new Error("account.weak_password", "Identity.PasswordTooShort", Field: passwordField, Args: [MinPasswordLength]),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars)
                => new Error("account.weak_password", "Identity.PasswordRequiresUniqueChars", Field: passwordField, Args: [4]),
            nameof(IdentityErrorDescriber.InvalidToken)
                => new Error("validation", "Identity.InvalidToken", Field: "resetCode"),
            nameof(IdentityErrorDescriber.PasswordMismatch)
                => new Error("validation", "Identity.PasswordMismatch", Field: "currentPassword"),
            _ => new Error("validation", "Identity.DefaultError"),
        }).Distinct().ToArray();
}
