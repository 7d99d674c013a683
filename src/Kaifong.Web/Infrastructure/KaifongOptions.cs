namespace Kaifong.Web.Infrastructure;

/// <summary>The "Kaifong" configuration section.</summary>
public sealed class KaifongOptions
{
    public const string Section = "Kaifong";

    /// <summary>The address people reach this site at, for links in e-mails ("https://kaifong.example.org"). Empty: taken from the request.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Days an admin may act before two-factor sign-in must be set up.</summary>
    public int AdminTwoFactorGraceDays { get; set; } = 7;

    /// <summary>Create the demo organisation at start-up (on in Development, or with --seed-demo).</summary>
    public bool SeedDemo { get; set; }

    public TimeSpan AdminTwoFactorGrace => TimeSpan.FromDays(AdminTwoFactorGraceDays);
}

public static class OptionsSetup
{
    public static IServiceCollection AddKaifongOptions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<KaifongOptions>().BindConfiguration(KaifongOptions.Section);
        services.AddOptions<Kaifong.Data.DatabaseOptions>().BindConfiguration(Kaifong.Data.DatabaseOptions.Section);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
