using System.Net;
using Kaifong.Domain.Common;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kaifong.Web.Infrastructure;

/// <summary>
/// How the app meets the network: the Host it answers to, HTTPS, the reverse proxy it may trust, Secure cookies, and
/// what may be cached. Development accepts plain HTTP and any Host; every other environment (Production, Staging, the
/// tests' "Testing") answers only to the public address's host (unless AllowedHosts lists others) and only over HTTPS,
/// directly or through a proxy it is told about (unless Kaifong:AllowPlainHttp, for test rigs on one machine).
/// /health and /ping are exempt: load balancers and container health checks call them by an internal address over plain
/// HTTP, and they carry no personal data and build no links.
/// </summary>
public static class HostingSecurity
{
    public static bool IsStrict(IHostEnvironment env) => !env.IsDevelopment();

    private static bool RequiresHttps(IHostEnvironment env, IConfiguration config) =>
        IsStrict(env) && !config.GetValue<bool>($"{KaifongOptions.Section}:{nameof(KaifongOptions.AllowPlainHttp)}");

    public static IServiceCollection AddKaifongHosting(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        // The framework puts host filtering in front of everything (a startup filter); it runs here instead, inside the
        // API's problem+json status pages and after the probes are let through. The same AllowedHosts setting drives it.
        foreach (var front in services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList())
        {
            services.Remove(front);
        }

        var strict = IsStrict(env);
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            o.IncludeFailureMessage = false;
            // Outside Development the public address is the one host to answer to, unless AllowedHosts says otherwise.
            if (strict && o.AllowedHosts is ["*"] && PublicAddress.TryParse(config[$"{KaifongOptions.Section}:{nameof(KaifongOptions.PublicBaseUrl)}"], out var address))
            {
                o.AllowedHosts = [address.IdnHost];
            }
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Scheme and client address only: links never come from the request, so the forwarded host is not needed.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (Proxies.TryParse(config[$"{KaifongOptions.Section}:{nameof(KaifongOptions.KnownProxies)}"], out var proxies) && proxies.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var p in proxies)
                {
                    o.KnownIPNetworks.Add(p);
                }
            }
        });

        if (RequiresHttps(env, config))
        {
            // Every cookie (sign-in, two-factor, antiforgery, language) is Secure; plain HTTP is refused below.
            services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        }

        return services;
    }

    /// <summary>The proxy's view of the request (scheme, client address), when the app is told it is behind one. First in the pipeline.</summary>
    public static WebApplication UseKaifongForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KaifongOptions>>().Value.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Host filtering, HTTPS, Secure cookies and no-store; after the status-code pages, so the API's refusals are problem+json.</summary>
    public static WebApplication UseKaifongHosting(this WebApplication app)
    {
        var https = RequiresHttps(app.Environment, app.Configuration);
        var httpsDetail = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KaifongOptions>>().Value.BehindProxy
            ? "Problem.HttpsRequiredBehindProxyDetail" : "Problem.HttpsRequiredDetail";
        if (IsStrict(app.Environment) && !https)
        {
            app.Logger.LogWarning("Kaifong:AllowPlainHttp is on outside Development: plain HTTP is accepted and cookies are not forced Secure. Only for test rigs on one machine.");
        }

        // The host filter answers 400 with no body: say why (problem+json on the API). Wraps the filter below.
        app.Use(async (ctx, next) =>
        {
            await next();
            if (ctx.Response.StatusCode == StatusCodes.Status400BadRequest && !ctx.Response.HasStarted && !ctx.Items.ContainsKey(HostAccepted) && !IsProbe(ctx.Request.Path))
            {
                await RefuseAsync(ctx, StatusCodes.Status400BadRequest, "host_not_allowed", "Problem.HostNotAllowedDetail");
            }
        });
        app.UseWhen(c => !IsProbe(c.Request.Path), a =>
        {
            a.UseHostFiltering();
            a.Use(async (ctx, next) =>
            {
                if (https && !ctx.Request.IsHttps)
                {
                    await RefuseAsync(ctx, StatusCodes.Status403Forbidden, "https_required", httpsDetail);
                    return;
                }

                ctx.Items[HostAccepted] = true;
                await next();
            });
        });
        if (https)
        {
            app.UseCookiePolicy();
        }

        app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                if (MustNotBeStored(ctx))
                {
                    ctx.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }

    private const string HostAccepted = "kaifong:host-accepted";

    private static bool IsProbe(PathString path) => path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/ping", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Personal data must not stay in a browser's or a proxy's cache: every API answer, every answer to a signed-in
    /// person, and the calendar feeds (a secret, revocable URL with someone's shifts). Static files are served before
    /// sign-in is read, so they keep their own caching.
    /// </summary>
    private static bool MustNotBeStored(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api")
        || ctx.Request.Path.StartsWithSegments("/calendar")
        || ctx.User.Identity?.IsAuthenticated == true;

    private static async Task RefuseAsync(HttpContext ctx, int status, string code, string detailKey)
    {
        // Request localisation has not run yet: the first language of Accept-Language, else the default.
        var language = Languages.Normalise(ctx.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(v => v.Quality ?? 1).Select(v => v.Value.Value).FirstOrDefault()) ?? Languages.Default;
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var title = l.WithLanguage(language, $"Problem.{status}");
        var detail = l.WithLanguage(language, detailKey);
        ctx.Response.Clear();
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.CacheControl = "no-store";
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } }).ExecuteAsync(ctx);
        }
        else
        {
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync($"{title}\n\n{detail}\n");
        }
    }
}

/// <summary>The public address: an absolute http(s) URL with a host, no query or fragment.</summary>
public static class PublicAddress
{
    public const string Setting = "Kaifong:PublicBaseUrl";
    public const string EnvironmentVariable = "Kaifong__PublicBaseUrl";

    public static readonly string Requirement =
        $"{Setting} (environment variable {EnvironmentVariable}) must be the absolute http(s) address people reach this site at, " +
        "e.g. https://kaifong.example.org. Outside Development it is required: links in e-mails, invitations and calendar feeds " +
        "are built from it, never from the request, and only requests for its host are answered.";

    public static bool TryParse(string? value, out Uri address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        address = uri;
        return true;
    }

    /// <summary>Development without a setting: the app's own first address (ASPNETCORE_URLS / launchSettings.json), else http://localhost:5000.</summary>
    public static string DevelopmentDefault(IConfiguration config)
    {
        var first = (config["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return TryParse(first, out var own) ? own.GetLeftPart(UriPartial.Authority) : "http://localhost:5000";
    }
}

/// <summary>Kaifong:KnownProxies: addresses (10.0.0.2) and networks (172.18.0.0/16), separated by ; or ,.</summary>
public static class Proxies
{
    public const string Requirement =
        "Kaifong:KnownProxies (environment variable Kaifong__KnownProxies) must list IP addresses or networks, e.g. \"10.0.0.2;172.18.0.0/16\".";

    public static bool TryParse(string? value, out List<System.Net.IPNetwork> networks)
    {
        networks = [];
        foreach (var item in (value ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(item, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(item, out var ip))
            {
                networks.Add(new System.Net.IPNetwork(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
