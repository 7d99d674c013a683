using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Kaifong.Data;
using Kaifong.Domain.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Messaging;

/// <summary>The JSON payload of an e-mail outbox row.</summary>
public sealed record EmailPayload(string Subject, string Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Keep Chinese readable in the table; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">The payload is not an e-mail payload.</exception>
    public static EmailPayload FromJson(string json)
    {
        var payload = JsonSerializer.Deserialize<EmailPayload>(json, Json);
        return payload is { Subject: not null, Body: not null }
            ? payload
            : throw new JsonException("E-mail payload has no subject or body.");
    }
}

/// <summary>
/// Writes outgoing messages into the outbox. It only adds to the context: the caller's SaveChanges commits the
/// message in the same transaction as the change that caused it, and the dispatcher delivers it later.
/// </summary>
public static class OutboxWriter
{
    /// <summary>
    /// Adds an e-mail to the outbox (due now). The idempotency key is unique: a second SaveChanges with the same key fails,
    /// so callers that may repeat check <see cref="ExistsAsync"/> first. After saving, call <see cref="OutboxSignal.Notify"/>.
    /// </summary>
    public static OutboxMessage EnqueueEmail(
        KaifongDb db, TimeProvider time, Guid? organisationId, string kind, string to, RenderedMessage message, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Length > MaxKeyLength)
        {
            throw new ArgumentException($"An idempotency key is at most {MaxKeyLength} characters.", nameof(idempotencyKey));
        }

        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Channel = OutboxChannels.Email,
            Kind = kind,
            Recipient = to.Trim(),
            Payload = new EmailPayload(message.Subject, message.Body).ToJson(),
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
            DueAt = now,
        };
        db.Outbox.Add(row);
        return row;
    }

    /// <summary>True when a message with this key is already saved, or added to this context and not yet saved.</summary>
    public static async Task<bool> ExistsAsync(KaifongDb db, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return db.Outbox.Local.Any(m => m.IdempotencyKey == idempotencyKey)
            || await db.Outbox.AnyAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken);
    }

    /// <summary>The column's length in <see cref="KaifongDb"/>.</summary>
    public const int MaxKeyLength = 200;
}
