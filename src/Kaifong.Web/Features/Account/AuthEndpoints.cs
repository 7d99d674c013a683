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
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record TwoFactorRequest(bool? Enable, string? TwoFactorCode, bool ResetSharedKey, bool ResetRecoveryCodes, string? CurrentPassword = null);

/// <summary>The key is absent while 2FA is on unless the request proved who it is; a change that ended the caller's session carries a new one.</summary>
public sealed record TwoFactorResponse(string? SharedKey, int RecoveryCodesLeft, string[]? RecoveryCodes, bool IsTwoFactorEnabled, TokenPair? Session = null);

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

            // A locked account answers as a wrong password does (Error.SignInFailed says accounts lock): no enumeration.
            // On success the bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}.
            return result.Succeeded ? TypedResults.Empty : SignInFailed(problems, "auth.failed", "Error.SignInFailed");
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/refresh", async Task<Results<Ok<TokenPair>, ProblemHttpResult>> (
            RefreshRequest body, SignInManager<KaifongUser> signIn, SessionStore sessions, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, Problems problems) =>
        {
            var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(body.RefreshToken) || body.RefreshToken.Length > 4096 ? null : protector.Unprotect(body.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
                || await sessions.RotateAsync(ticket.Principal) is not { } next)
            {
                return SignInFailed(problems, "auth.invalid_refresh_token", "Error.InvalidRefreshToken");
            }

            return TypedResults.Ok(await sessions.TokensAsync(user, SessionStore.SessionId(ticket.Principal)!.Value, next));
        });

        // Ends this session only: its access and refresh tokens stop working. Other devices stay signed in.
        auth.MapPost("/logout", async (HttpContext http, SessionStore sessions) =>
        {
            await sessions.EndAsync(http.User);
            return TypedResults.NoContent();
        }).RequireAuthorization(Auth.Api);

        // Ends every session (all devices); the caller gets a fresh token pair in the answer.
        auth.MapPost("/change-password", async Task<Results<Ok<TokenPair>, ProblemHttpResult>> (
            ChangePasswordRequest body, HttpContext http, UserManager<KaifongUser> users, AccountService accounts, SessionStore sessions, Problems problems) =>
        {
            if (await users.GetUserAsync(http.User) is not { } user)
            {
                return problems.NotFound();
            }

            var errors = await accounts.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword);
            if (errors.Count > 0)
            {
                return accounts.Problem(errors);
            }

            await sessions.EndAllAsync(user);
            return TypedResults.Ok(await sessions.IssueAsync(user));
        }).RequireAuthorization(Auth.Api).RequireRateLimiting(ApiSetup.SignInPolicy);

        // Always 202, whether or not the address has an account: nobody learns who is registered.
        // The work happens off the request (AccountMailQueue), so the time does not tell either.
        auth.MapPost("/forgot-password", (EmailRequest body, AccountMailQueue mail) =>
        {
            mail.Enqueue(body.Email, AccountMail.Link.PasswordReset);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/reset-password", async Task<Results<Ok, ProblemHttpResult>> (
            ResetPasswordRequest body, AccountService accounts) =>
        {
            var errors = await accounts.ResetPasswordAsync(body.Email, body.ResetCode, body.NewPassword);
            return errors.Count == 0 ? TypedResults.Ok() : accounts.Problem(errors);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/magic-link", (EmailRequest body, AccountMailQueue mail) =>
        {
            mail.Enqueue(body.Email, AccountMail.Link.MagicSignIn);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(ApiSetup.SignInPolicy);

        auth.MapPost("/2fa", async Task<Results<Ok<TwoFactorResponse>, ProblemHttpResult>> (
            TwoFactorRequest body, HttpContext http, AccountService accounts, SessionStore sessions, Problems problems) =>
        {
            var result = await accounts.ManageTwoFactorAsync(http.User, body);
            if (result.Value is not { } ok)
            {
                return problems.From(result.Error!);
            }

            // Turning 2FA on or off, or a new key, ends every earlier session, this one too: here is its successor.
            return TypedResults.Ok(ok with { Session = await sessions.ReissueIfEndedAsync(http.User) });
        }).RequireAuthorization(Auth.Api);
    }

    private static ProblemHttpResult SignInFailed(Problems problems, string code, string key) =>
        problems.WithStatus(StatusCodes.Status401Unauthorized, new Error(code, key));
}
