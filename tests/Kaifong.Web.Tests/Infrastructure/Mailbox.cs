using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;

namespace Kaifong.Web.Tests.Infrastructure;

/// <summary>Reads what the app sent: the outbox worker writes .eml files to the pickup folder (no SMTP configured).</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> WaitForAsync(KaifongApp app, string to, string subjectContains, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.GetFiles(app.MailFolder, "*.eml"))
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file);
                }
                catch (IOException)
                {
                    continue;
                }

                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)) && (message.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        var outbox = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Outbox.Where(o => o.Recipient == to).Select(o => $"{o.Kind} due {o.DueAt:o} sent {o.SentAt:o} attempts {o.Attempts} locked {o.LockedUntil:o} {o.LastError}")));
        throw new TimeoutException($"no mail to {to} with '{subjectContains}' in {app.MailFolder}; files {string.Join(",", Directory.GetFiles(app.MailFolder).Select(Path.GetFileName))}; clock {app.Time.GetUtcNow():o}; outbox: {string.Join(" | ", outbox)}");
    }

    public static string Link(MimeMessage message) => LinkPattern().Match(message.TextBody ?? "").Value;

    [GeneratedRegex(@"http://kaifong\.test/\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>RFC 6238 time-based codes, as an authenticator app makes them.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var step = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(step);
        }

        var hash = HMACSHA1.HashData(key, step);
        var offset = hash[^1] & 0xf;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
