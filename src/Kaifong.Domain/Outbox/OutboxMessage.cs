namespace Kaifong.Domain.Outbox;

/// <summary>
/// Something that must leave the system, written in the same transaction as the change that caused it.
/// A worker delivers it with retries; <see cref="IdempotencyKey"/> makes a second write of the same message a no-op.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public Guid? OrganisationId { get; init; }
    public required string Channel { get; init; }
    public required string Kind { get; init; }
    public required string Recipient { get; init; }
    public required string Payload { get; init; }
    public required string IdempotencyKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }

    public const int MaxAttempts = 8;

    /// <summary>Exponential back-off: 30 s, 1 min, 2 min, … capped at an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        LockedUntil = null;
        LockedBy = null;
        if (Attempts >= MaxAttempts)
        {
            FailedAt = now;
        }
        else
        {
            DueAt = now + Backoff(Attempts);
        }
    }
}

public static class OutboxChannels
{
    public const string Email = "email";
}
