namespace Kaifong.Web.Infrastructure;

/// <summary>The "Kaifong" configuration section.</summary>
public sealed class KaifongOptions
{
    public const string Section = "Kaifong";

    /// <summary>
    /// The address people reach this site at ("https://kaifong.example.org"): every link that leaves the system is built
    /// from it, never from the request. Required outside Development; in Development it defaults to the app's own address.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>A reverse proxy terminates TLS: trust its X-Forwarded-Proto and X-Forwarded-For (from <see cref="KnownProxies"/> only).</summary>
    public bool BehindProxy { get; set; }

    /// <summary>The proxies to trust, addresses or networks ("10.0.0.2;172.18.0.0/16"). Empty: the same machine (loopback) only.</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Outside Development, accept plain HTTP without a proxy (cookies then follow the request's scheme). For benchmarks and test rigs on one machine only.</summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Days an admin may act before two-factor sign-in must be set up.</summary>
    public int AdminTwoFactorGraceDays { get; set; } = 7;

    /// <summary>Create the demo organisation at start-up (on in Development, or with --seed-demo).</summary>
    public bool SeedDemo { get; set; }

    public TimeSpan AdminTwoFactorGrace => TimeSpan.FromDays(AdminTwoFactorGraceDays);
}

public static class OptionsSetup
{
    public static IServiceCollection AddKaifongOptions(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<KaifongOptions>().BindConfiguration(KaifongOptions.Section)
            .PostConfigure(o =>
            {
                if (env.IsDevelopment() && string.IsNullOrWhiteSpace(o.PublicBaseUrl))
                {
                    o.PublicBaseUrl = PublicAddress.DevelopmentDefault(config);
                }
            })
            .Validate(o => PublicAddress.TryParse(o.PublicBaseUrl, out _), PublicAddress.Requirement)
            .Validate(o => Proxies.TryParse(o.KnownProxies, out _), Proxies.Requirement)
            .ValidateOnStart();
        services.AddOptions<Kaifong.Data.DatabaseOptions>().BindConfiguration(Kaifong.Data.DatabaseOptions.Section);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
