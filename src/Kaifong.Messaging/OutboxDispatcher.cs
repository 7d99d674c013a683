using Kaifong.Data;
using Kaifong.Domain.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaifong.Messaging;

/// <summary>
/// Delivers due e-mail outbox rows. Safe with several instances: each row is claimed with a conditional update
/// (a lease in LockedBy/LockedUntil) and only the instance whose update hit the row sends it. A crash between
/// sending and recording leaves the lease to expire and the row is sent again with the same Message-Id.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<EmailOptions> emailOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How long a claim holds before another instance may take the row over.</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);

    // Bounds one pass so a flood of due rows cannot keep a pass running for ever.
    private const int MaxBatchesPerPass = 50;

    /// <summary>This process's name in LockedBy.</summary>
    public string InstanceId { get; } = NewInstanceId();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(InstanceId, transport.Description);
        if (transport is PickupDirectoryEmailTransport pickup)
        {
            LogPickup(pickup.Directory);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, outboxOptions.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable; try again on the next poll.
                LogPassFailed(ex);
            }

            await signal.WaitAsync(poll, time, stoppingToken);
        }
    }

    /// <summary>Runs one pass: claims and sends every e-mail that is due now. Returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, outboxOptions.Value.BatchSize);
        var sent = 0;
        for (var batch = 0; batch < MaxBatchesPerPass; batch++)
        {
            var (found, delivered) = await DispatchBatchAsync(batchSize, cancellationToken);
            sent += delivered;
            if (found < batchSize)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<(int Found, int Sent)> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaifongDb>();

        var now = time.GetUtcNow();
        var due = await Due(db.Outbox, now)
            .OrderBy(m => m.DueAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await TryClaimAsync(db, id, cancellationToken) && await DeliverAsync(db, id, cancellationToken))
            {
                sent++;
            }
        }

        return (due.Count, sent);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> outbox, DateTimeOffset now) =>
        outbox.Where(m => m.Channel == OutboxChannels.Email
            && m.SentAt == null
            && m.FailedAt == null
            && m.DueAt <= now
            && (m.LockedUntil == null || m.LockedUntil < now));

    /// <summary>Takes the lease if it is still free; exactly one instance's update affects the row.</summary>
    private async Task<bool> TryClaimAsync(KaifongDb db, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + LockDuration;
        var claimed = await Due(db.Outbox, now)
            .Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, InstanceId)
                .SetProperty(m => m.LockedUntil, until), cancellationToken);
        return claimed == 1;
    }

    private async Task<bool> DeliverAsync(KaifongDb db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            var message = EmailComposer.Compose(row, emailOptions.Value);
            await transport.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Cancellation (shutdown) leaves the lease to expire; the row is retried then.
            var now = time.GetUtcNow();
            row.RecordFailure($"{ex.GetType().Name}: {ex.Message}", now);
            if (ex is FormatException && row.FailedAt is null)
            {
                // A bad address or payload will not get better by waiting.
                row.FailedAt = now;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (row.FailedAt is { } failedAt)
            {
                LogGaveUp(ex, row.Id, row.Kind, row.Attempts, failedAt);
            }
            else
            {
                LogRetrying(ex, row.Id, row.Kind, row.Attempts, row.DueAt);
            }

            return false;
        }

        // Recorded even if shutdown began meanwhile: the mail has left, so it must not be sent again.
        row.SentAt = time.GetUtcNow();
        row.LockedBy = null;
        row.LockedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
        LogSent(row.Id, row.Kind, row.Attempts + 1);
        return true;
    }

    private static string NewInstanceId()
    {
        // Fits the LockedBy column (100); the unique part is at the end.
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Outbox dispatcher {InstanceId} started; e-mail goes to {EmailTransport}")]
    private partial void LogStarted(string instanceId, string emailTransport);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "No Email:Smtp:Host is configured: e-mail is not sent but written as .eml files to {PickupDirectory}")]
    private partial void LogPickup(string pickupDirectory);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Sent outbox message {OutboxId} ({Kind}) on attempt {Attempt}")]
    private partial void LogSent(Guid outboxId, string kind, int attempt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Outbox message {OutboxId} ({Kind}) failed on attempt {Attempts}; next try at {DueAt}")]
    private partial void LogRetrying(Exception exception, Guid outboxId, string kind, int attempts, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "Outbox message {OutboxId} ({Kind}) failed on attempt {Attempts}; given up at {FailedAt}")]
    private partial void LogGaveUp(Exception exception, Guid outboxId, string kind, int attempts, DateTimeOffset failedAt);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Outbox dispatch pass failed; retrying on the next poll")]
    private partial void LogPassFailed(Exception exception);
}
