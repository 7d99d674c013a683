using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaifong.Web.Features.Account;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Language);
public sealed record RegisterResponse(Guid Id, string Email);
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode, string? TwoFactorRecoveryCode);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record EmailRequest(string? Email);
public sealed record ResetPasswordRequest(string? Email, string? ResetCode, string? NewPassword);
public sealed record TwoFactorRequest(bool? Enable, string? TwoFactorCode, bool ResetSharedKey, bool ResetRecoveryCodes);
public sealed record TwoFactorResponse(string SharedKey, int RecoveryCodesLeft, string[]? RecoveryCodes, bool IsTwoFactorEnabled);

/// <summary>/api/v1/auth/*: the Identity API's register, login and refresh, plus reset, magic links and 2FA set-up.</summary>
public static class AuthEndpoints
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/register", async Task<Results<Ok<RegisterResponse>, ProblemHttpResult>> (
            RegisterRequest body, AccountService accounts) =>
        {
            var result = await accounts.RegisterAsync(body.Email, body.Password, body.DisplayName, body.Language);
            return result.User is { } user ? TypedResults.Ok(new RegisterResponse(user.Id, user.Email!)) : accounts.Problem(result.Errors);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
            LoginRequest body, SignInManager<KaifongUser> signIn, Problems problems) =>
        {
            if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password)
                || body.Email.Length > Limits.Email || body.Password.Length > Limits.Password)
            {
                return SignInFailed(problems, "auth.failed", "Error.SignInFailed");
            }

            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(body.Email.Trim(), body.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor)
            {
                if (!string.IsNullOrEmpty(body.TwoFactorCode))
                {
                    result = await signIn.TwoFactorAuthenticatorSignInAsync(body.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal), false, false);
                }
                else if (!string.IsNullOrEmpty(body.TwoFactorRecoveryCode))
                {
                    result = await signIn.TwoFactorRecoveryCodeSignInAsync(body.TwoFactorRecoveryCode);
                }
                else
                {
                    return SignInFailed(problems, "auth.two_factor_code_required", "Error.TwoFactorCodeRequired");
                }
            }

            if (result.IsLockedOut)
            {
                return SignInFailed(problems, "auth.locked_out", "Error.LockedOut");
            }

            // On success the bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}.
            return result.Succeeded ? TypedResults.Empty : SignInFailed(problems, "auth.failed", "Error.SignInFailed");
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
            RefreshRequest body, SignInManager<KaifongUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, Problems problems) =>
        {
            var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(body.RefreshToken) || body.RefreshToken.Length > 4096 ? null : protector.Unprotect(body.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            {
                return SignInFailed(problems, "auth.invalid_refresh_token", "Error.InvalidRefreshToken");
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        });

        // Always 202, whether or not the address has an account: nobody learns who is registered.
        auth.MapPost("/forgot-password", async (EmailRequest body, AccountMail mail) =>
        {
            await mail.SendIfRegisteredAsync(body.Email, AccountMail.Link.PasswordReset);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/reset-password", async Task<Results<Ok, ProblemHttpResult>> (
            ResetPasswordRequest body, AccountService accounts) =>
        {
            var errors = await accounts.ResetPasswordAsync(body.Email, body.ResetCode, body.NewPassword);
            return errors.Count == 0 ? TypedResults.Ok() : accounts.Problem(errors);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/magic-link", async (EmailRequest body, AccountMail mail) =>
        {
            await mail.SendIfRegisteredAsync(body.Email, AccountMail.Link.MagicSignIn);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/2fa", async Task<Results<Ok<TwoFactorResponse>, ProblemHttpResult>> (
            TwoFactorRequest body, HttpContext http, AccountService accounts) =>
        {
            var result = await accounts.ManageTwoFactorAsync(http.User, body.Enable, body.TwoFactorCode, body.ResetSharedKey, body.ResetRecoveryCodes);
            return result.Value is { } ok ? TypedResults.Ok(ok) : accounts.Problem([result.Error!]);
        }).RequireAuthorization(Auth.Api);
    }

    private static ProblemHttpResult SignInFailed(Problems problems, string code, string key) =>
        problems.WithStatus(StatusCodes.Status401Unauthorized, new Error(code, key));
}
