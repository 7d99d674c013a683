using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaifong.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers templates, the outbox signal, the e-mail transport (SMTP when <c>Email:Smtp:Host</c> is set, otherwise
    /// .eml files in <c>Email:PickupDirectory</c> under <paramref name="contentRootPath"/>) and the hosted
    /// <see cref="OutboxDispatcher"/> (also resolvable as itself). Needs <c>KaifongDb</c> registered as a scoped service.
    /// </summary>
    public static IServiceCollection AddKaifongMessaging(this IServiceCollection services, IConfiguration config, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);

        services.AddOptions<EmailOptions>()
            .Bind(config.GetSection(EmailOptions.Section))
            .Validate(o => MailboxAddress.TryParse(o.From, out var a) && a.Address.Contains('@', StringComparison.Ordinal),
                "Email:From must be an e-mail address.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Smtp.Host) || o.Smtp.Port is > 0 and <= 65535,
                "Email:Smtp:Port must be a TCP port.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory), "Email:PickupDirectory must not be empty.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(config.GetSection(OutboxOptions.Section))
            .Validate(o => o.PollSeconds > 0, "Outbox:PollSeconds must be positive.")
            .Validate(o => o.BatchSize > 0, "Outbox:BatchSize must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessageTemplates>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<IEmailTransport>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(email.Smtp.Host)
                ? new PickupDirectoryEmailTransport(Path.Combine(contentRootPath, email.PickupDirectory))
                : new SmtpEmailTransport(email.Smtp);
        });
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
