using System.Security.Cryptography;
using System.Text;
using Kaifong.Domain.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kaifong.Messaging;

/// <summary>Delivers one composed e-mail. Implementations: SMTP relay, or .eml files in a pickup folder.</summary>
public interface IEmailTransport
{
    /// <summary>Where mail goes, for the start-up log.</summary>
    string Description { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through an SMTP relay with MailKit; one connection per message.</summary>
public sealed class SmtpEmailTransport : IEmailTransport
{
    private readonly SmtpOptions _options;
    private readonly string _host;

    public SmtpEmailTransport(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host, "Email:Smtp:Host");
        _options = options;
        _host = options.Host;
    }

    public string Description => $"SMTP {_host}:{_options.Port} ({_options.Security})";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient();
        var security = _options.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_host, _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Writes each message as an .eml file named after its Message-Id, so a resend replaces the same file.
/// Used when no SMTP host is configured (development, first run).
/// </summary>
public sealed class PickupDirectoryEmailTransport : IEmailTransport
{
    public PickupDirectoryEmailTransport(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The absolute folder the .eml files go to.</summary>
    public string Directory { get; }

    public string Description => $"pickup directory {Directory}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var id = string.IsNullOrEmpty(message.MessageId) ? Guid.NewGuid().ToString("N") : message.MessageId;
        var name = SafeFileName(id);
        var target = Path.Combine(Directory, name + ".eml");
        var temp = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Written aside and moved in, so whoever watches the folder never reads half a message.
            await using (var stream = File.Create(temp))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string SafeFileName(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.ToString();
    }
}

/// <summary>Turns an outbox row into a MIME message.</summary>
public static class EmailComposer
{
    /// <summary>
    /// Builds the message for an e-mail outbox row. The Message-Id is derived from the idempotency key, so every
    /// (re)send of the same row carries the same id and a receiver can recognise a duplicate.
    /// </summary>
    /// <exception cref="FormatException">The recipient is not a valid address or the payload is not an e-mail payload.</exception>
    public static MimeMessage Compose(OutboxMessage row, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);

        EmailPayload payload;
        try
        {
            payload = EmailPayload.FromJson(row.Payload);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException($"Outbox message {row.Id} has an unreadable payload.", ex);
        }

        if (!MailboxAddress.TryParse(row.Recipient, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new FormatException($"Outbox message {row.Id} has an invalid recipient address.");
        }

        var from = new MailboxAddress(options.FromName, options.From);
        var message = new MimeMessage
        {
            Subject = payload.Subject,
            Date = row.CreatedAt,
            MessageId = MessageIdFor(row.IdempotencyKey, from.Domain),
            Body = new TextPart("plain") { Text = payload.Body },
        };
        message.From.Add(from);
        message.To.Add(to);

        // RFC 3834: a machine sent this; auto-responders should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>
    /// "{sha256 of the key, 32 hex}@{domain}": stable for a key, and reveals nothing of it (keys may hold ids).
    /// </summary>
    public static string MessageIdFor(string idempotencyKey, string? domain)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
        return $"{hash}@{(string.IsNullOrWhiteSpace(domain) ? "kaifong.local" : domain)}";
    }
}
