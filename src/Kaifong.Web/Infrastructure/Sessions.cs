using System.Security.Claims;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>The JSON a sign-in answers with, the same shape as the bearer handler's own.</summary>
public sealed record TokenPair(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>
/// Server-side sessions (docs/architecture.md, Identity): every cookie and bearer token names its session (a claim),
/// and is honoured only while that row exists and the person's security stamp is the one it was issued with. So
/// signing out ends one session; a password change or reset, a 2FA change or an admin's "sign out everywhere"
/// (each changes the stamp) ends them all; and a refresh token is spent by a conditional update.
/// </summary>
public sealed class SessionStore(
    KaifongDb db, TimeProvider time, UserManager<KaifongUser> users, IUserClaimsPrincipalFactory<KaifongUser> principals,
    IOptionsMonitor<BearerTokenOptions> bearer, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    public const string SessionClaim = "kaifong:sid";
    public const string RefreshClaim = "kaifong:rid";

    /// <summary>Where a cookie keeps its session id across <see cref="SignInManager{TUser}.RefreshSignInAsync"/>.</summary>
    public const string SessionItem = ".kaifong.sid";

    private BearerTokenOptions Bearer => bearer.Get(IdentityConstants.BearerScheme);

    public async Task<UserSession> StartAsync(Guid userId, SessionKind kind)
    {
        var now = time.GetUtcNow();
        // Sweep this person's sessions that have run out; nothing else grows the table.
        await db.Sessions.Where(s => s.UserId == userId && s.ExpiresAt < now).ExecuteDeleteAsync();
        var session = new UserSession
        {
            Id = Ids.New(time),
            UserId = userId,
            Kind = kind,
            RefreshId = kind == SessionKind.Bearer ? Guid.NewGuid() : null,
            CreatedAt = now,
            ExpiresAt = now + (kind == SessionKind.Bearer ? Bearer.RefreshTokenExpiration : cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>
    /// True while the principal's session exists and its security stamp is current: one indexed query, run once per
    /// request by the cookie and bearer handlers (each caches its result for the request).
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        if (principal.UserId() is not { } userId || SessionId(principal) is not { } sessionId || string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        return await db.Sessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId
            && db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp));
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>Ends this one session (sign-out): its cookie, or its access and refresh tokens, stop working.</summary>
    public async Task EndAsync(ClaimsPrincipal principal)
    {
        if (principal.UserId() is { } userId && SessionId(principal) is { } sessionId)
        {
            await EndAsync(userId, sessionId);
        }
    }

    public Task<int> EndAsync(Guid userId, Guid sessionId) =>
        db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync();

    /// <summary>Ends every session of the person, on every device: a new security stamp, and the rows gone.</summary>
    public async Task EndAllAsync(KaifongUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
    }

    /// <summary>
    /// Spends a refresh token: a conditional update that only the first of any number of concurrent uses wins. A token
    /// already spent (a replay, or the loser of a race) ends its whole family, so a stolen copy stops the thief and the
    /// owner alike, and the owner signs in again. Returns the next refresh id, or null.
    /// </summary>
    public async Task<Guid?> RotateAsync(ClaimsPrincipal refreshPrincipal)
    {
        if (refreshPrincipal.UserId() is not { } userId || SessionId(refreshPrincipal) is not { } sessionId
            || !Guid.TryParse(refreshPrincipal.FindFirstValue(RefreshClaim), out var refreshId))
        {
            return null;
        }

        var next = Guid.NewGuid();
        var expires = time.GetUtcNow() + Bearer.RefreshTokenExpiration;
        var won = await db.Sessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.Kind == SessionKind.Bearer && s.RefreshId == refreshId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshId, next).SetProperty(s => s.ExpiresAt, expires));
        if (won == 1)
        {
            return next;
        }

        await EndAsync(userId, sessionId);
        return null;
    }

    /// <summary>A new bearer session for the person, as a token pair (after a change that ended the caller's own).</summary>
    public async Task<TokenPair> IssueAsync(KaifongUser user)
    {
        var session = await StartAsync(user.Id, SessionKind.Bearer);
        return await TokensAsync(user, session.Id, session.RefreshId!.Value);
    }

    /// <summary>Tokens in the bearer handler's own format (same protectors, same ticket names), naming the session.</summary>
    public async Task<TokenPair> TokensAsync(KaifongUser user, Guid sessionId, Guid refreshId)
    {
        var principal = await principals.CreateAsync(user);
        principal.Identities.First().AddClaims([new Claim(SessionClaim, sessionId.ToString()), new Claim(RefreshClaim, refreshId.ToString())]);
        var o = Bearer;
        var now = time.GetUtcNow();
        var scheme = IdentityConstants.BearerScheme;
        var access = o.BearerTokenProtector.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + o.BearerTokenExpiration }, $"{scheme}:AccessToken"));
        var refresh = o.RefreshTokenProtector.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + o.RefreshTokenExpiration }, $"{scheme}:RefreshToken"));
        return new TokenPair("Bearer", access, (long)o.BearerTokenExpiration.TotalSeconds, refresh);
    }

    /// <summary>When a change just ended the caller's own bearer session (their stamp moved on), a fresh one; else null.</summary>
    public async Task<TokenPair?> ReissueIfEndedAsync(ClaimsPrincipal caller)
    {
        if (await users.GetUserAsync(caller) is not { } user)
        {
            return null;
        }

        var stamp = caller.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == user.SecurityStamp ? null : await IssueAsync(user);
    }

    /// <summary>Bearer tokens: the handler only decrypts and checks expiry; this adds the session and stamp check.</summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return;
        }

        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..]);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires)
        {
            context.Fail("Invalid or expired token");
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (!await store.IsCurrentAsync(ticket.Principal))
        {
            context.Fail("The session has ended");
            return;
        }

        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>Cookies: checked on every request (Identity's own validator would rebuild the principal and the cookie each time).</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal is null || !await store.IsCurrentAsync(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>A sliding cookie that is renewed keeps its session row from being swept.</summary>
    public static async Task RenewCookieAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal is { } principal && principal.UserId() is { } userId && SessionId(principal) is { } sessionId)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<KaifongDb>();
            var expires = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() + context.Options.ExpireTimeSpan;
            await db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, expires));
        }
    }
}

/// <summary>
/// Identity's sign-in manager with two additions: every sign-in (cookie or bearer) starts a server-side session, and a
/// password sign-in costs the same whether or not the address has an account, or the account is locked (docs/api.md).
/// </summary>
public sealed class KaifongSignInManager(
    UserManager<KaifongUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<KaifongUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<KaifongUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<KaifongUser> confirmation, SessionStore sessions)
    : SignInManager<KaifongUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly Lock DummyLock = new();
    private static string? dummyHash;

    public override async Task SignInWithClaimsAsync(KaifongUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var bearer = AuthenticationScheme == IdentityConstants.BearerScheme;
        var properties = authenticationProperties ?? new AuthenticationProperties();
        // A refreshed cookie (after a 2FA change, say) is a new session; the one it replaces ends.
        if (!bearer && properties.Items.TryGetValue(SessionStore.SessionItem, out var previous) && Guid.TryParse(previous, out var previousId))
        {
            await sessions.EndAsync(user.Id, previousId);
        }

        var session = await sessions.StartAsync(user.Id, bearer ? SessionKind.Bearer : SessionKind.Cookie);
        var claims = additionalClaims.Append(new Claim(SessionStore.SessionClaim, session.Id.ToString())).ToList();
        if (session.RefreshId is { } refreshId)
        {
            claims.Add(new Claim(SessionStore.RefreshClaim, refreshId.ToString()));
        }

        if (!bearer)
        {
            properties.Items[SessionStore.SessionItem] = session.Id.ToString();
        }

        await base.SignInWithClaimsAsync(user, properties, claims);
    }

    /// <summary>
    /// An unknown address verifies the password against a dummy hash, and a locked account against its own, so each
    /// costs one hash verification like a real attempt (without this an unknown address answered ~100× faster).
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || user.PasswordHash is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(user ?? new KaifongUser(), DummyHash(), password);
            return SignInResult.Failed;
        }

        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password);
            return SignInResult.LockedOut;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    private string DummyHash()
    {
        lock (DummyLock)
        {
            return dummyHash ??= UserManager.PasswordHasher.HashPassword(new KaifongUser(), Tokens.NewUrlToken(16));
        }
    }
}
