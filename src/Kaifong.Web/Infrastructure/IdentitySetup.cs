using System.Security.Claims;
using Kaifong.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>ASP.NET Core Identity: cookies for pages, bearer tokens for the API, lockout, magic links, TOTP, passkeys.</summary>
public static class IdentitySetup
{
    public const string MagicLinkProvider = "MagicLink";
    public const int MinPasswordLength = 10;
    public const string LanguageClaim = "kaifong:lang";
    public const string LargeTextClaim = "kaifong:large_text";

    public static IServiceCollection AddKaifongIdentity(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Kaifong").PersistKeysToDbContext<KaifongDb>();

        services.AddIdentity<KaifongUser, IdentityRole<Guid>>(o =>
            {
                DesignServices.ConfigureStores(o);
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters += "+";
                // Length over composition (NIST SP 800-63B): long and easy to type beats short and odd.
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorIssuer = "Kaifong";
            })
            .AddEntityFrameworkStores<KaifongDb>()
            .AddSignInManager<KaifongSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<MagicLinkTokenProvider>(MagicLinkProvider)
            .AddClaimsPrincipalFactory<KaifongClaimsFactory>();

        services.Configure<MagicLinkTokenOptions>(o =>
        {
            o.Name = MagicLinkProvider;
            o.TokenLifespan = MagicLinkTokenOptions.Lifespan;
        });

        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            o.Events = new BearerTokenEvents { OnMessageReceived = SessionStore.ValidateBearerAsync };
        });
        services.AddScoped<SessionStore>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kaifong";
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            // Every request: the session must exist and the security stamp be current (SessionStore), so a sign-out,
            // a password or 2FA change, or an admin's "sign out everywhere" ends a copied cookie at once.
            o.Events.OnValidatePrincipal = SessionStore.ValidateCookieAsync;
            o.Events.OnCheckSlidingExpiration = SessionStore.RenewCookieAsync;
        });
        return services;
    }

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");
}

public sealed class MagicLinkTokenOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromMinutes(15);
}

/// <summary>Sign-in links sent by e-mail: valid 15 minutes, and (with the nonce the sign-in page keeps) once.</summary>
public sealed class MagicLinkTokenProvider(
    IDataProtectionProvider protection, IOptions<MagicLinkTokenOptions> options, ILogger<DataProtectorTokenProvider<KaifongUser>> logger)
    : DataProtectorTokenProvider<KaifongUser>(protection, options, logger);

/// <summary>Puts the person's language and large-text choice in the sign-in cookie, so every page knows them without a query.</summary>
public sealed class KaifongClaimsFactory(UserManager<KaifongUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KaifongUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KaifongUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(IdentitySetup.LanguageClaim, user.Language));
        identity.AddClaim(new Claim(IdentitySetup.LargeTextClaim, user.LargeText ? "1" : "0"));
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim("kaifong:name", user.DisplayName));
        }

        return identity;
    }
}
