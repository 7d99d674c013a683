using Kaifong.Domain.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Kaifong.Messaging.Tests;

public sealed class EmailTransportTests
{
    private static OutboxMessage Row(string key) => new()
    {
        Id = Guid.NewGuid(),
        Channel = OutboxChannels.Email,
        Kind = MessageKinds.MagicLink,
        Recipient = "Lee Siu Ming <siuming@example.hk>",
        Payload = new EmailPayload("你的 Kaifong 街坊登入連結", "李小明，你好！\n請按以下連結登入：\nhttps://kaifong.test/m\n").ToJson(),
        IdempotencyKey = key,
        CreatedAt = MessagingHost.Start,
        DueAt = MessagingHost.Start,
    };

    [Fact]
    public async Task Pickup_transport_writes_a_readable_eml_named_after_the_message_id()
    {
        using var folder = new TempDatabase();
        var transport = new PickupDirectoryEmailTransport(Path.Combine(folder.Root, "pickup"));
        var composed = EmailComposer.Compose(Row("magic:1"), new EmailOptions());

        await transport.SendAsync(composed, CancellationToken.None);
        await transport.SendAsync(EmailComposer.Compose(Row("magic:1"), new EmailOptions()), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(transport.Directory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var loaded = await MimeMessage.LoadAsync(file);
        Assert.Equal("你的 Kaifong 街坊登入連結", loaded.Subject);
        Assert.Contains("李小明，你好！", loaded.TextBody);
        Assert.Equal("siuming@example.hk", Assert.Single(loaded.To.Mailboxes).Address);
        Assert.Equal("Lee Siu Ming", Assert.Single(loaded.To.Mailboxes).Name);
        Assert.Equal("noreply@kaifong.local", Assert.Single(loaded.From.Mailboxes).Address);
        Assert.Equal(EmailComposer.MessageIdFor("magic:1", "kaifong.local"), loaded.MessageId);
        Assert.Equal(MessagingHost.Start, loaded.Date);
    }

    [Fact]
    public void Message_ids_are_stable_per_key_and_reveal_nothing()
    {
        var id = EmailComposer.MessageIdFor("password-reset:user-1234:2026-11-25", "kaifong.hk");

        Assert.Equal(id, EmailComposer.MessageIdFor("password-reset:user-1234:2026-11-25", "kaifong.hk"));
        Assert.NotEqual(id, EmailComposer.MessageIdFor("password-reset:user-1234:2026-11-26", "kaifong.hk"));
        Assert.Matches("^[0-9a-f]{32}@kaifong\\.hk$", id);
        Assert.DoesNotContain("1234", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_goes_to_the_pickup_folder_under_the_content_root_and_the_log_says_where()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, new Dictionary<string, string?>());
        var expected = Path.GetFullPath(Path.Combine(database.Root, "data", "mail-pickup"));

        var transport = Assert.IsType<PickupDirectoryEmailTransport>(host.Services.GetRequiredService<IEmailTransport>());
        Assert.Equal(expected, transport.Directory);

        var hosted = Assert.Single(host.Services.GetServices<IHostedService>());
        Assert.Same(host.Dispatcher, hosted);
        await hosted.StartAsync(CancellationToken.None);
        await hosted.StopAsync(CancellationToken.None);
        Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Information && l.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_smtp_host_mail_goes_over_smtp()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "smtp.example.hk",
            ["Email:Smtp:Security"] = "SslOnConnect",
            ["Email:Smtp:Port"] = "465",
        }, migrate: false);

        var transport = Assert.IsType<SmtpEmailTransport>(host.Services.GetRequiredService<IEmailTransport>());

        Assert.Equal("SMTP smtp.example.hk:465 (SslOnConnect)", transport.Description);
    }

    [Fact]
    public async Task An_invalid_from_address_is_refused_when_options_are_read()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, new Dictionary<string, string?> { ["Email:From"] = "nobody" }, migrate: false);

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Services.GetRequiredService<IEmailTransport>());
    }
}
