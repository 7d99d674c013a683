using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Messaging.Tests;

public sealed class OutboxDispatcherTests
{
    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Email:From"] = "noreply@kaifong.test",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(),
        ["Email:Smtp:Security"] = "None",
    };

    private static async Task<OutboxMessage> EnqueueAsync(
        MessagingHost host, string key, string to = "chan.taiman@example.hk", string language = Languages.ZhHk)
    {
        var templates = host.Services.GetRequiredService<MessageTemplates>();
        var rendered = templates.Render(MessageKinds.MembershipApproved, language,
            new { displayName = "陳大文", organisationName = "深水埗街坊互助社", link = "https://kaifong.test/o/sspo" });
        return await host.WithDbAsync(async db =>
        {
            var row = OutboxWriter.EnqueueEmail(db, host.Time, null, MessageKinds.MembershipApproved, to, rendered, key);
            await db.SaveChangesAsync();
            return row;
        });
    }

    private static Task<OutboxMessage> LoadAsync(MessagingHost host, Guid id) =>
        host.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Delivers_a_due_email_over_smtp_once()
    {
        using var database = new TempDatabase();
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(smtp.Port));
        var row = await EnqueueAsync(host, "membership-approved:1");

        var first = await host.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await host.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var received = Assert.Single(smtp.Received);
        Assert.Equal(["chan.taiman@example.hk"], received.EnvelopeTo);
        var message = received.Message;
        Assert.Equal("chan.taiman@example.hk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("noreply@kaifong.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Kaifong 街坊", Assert.Single(message.From.Mailboxes).Name);
        Assert.Equal("歡迎加入深水埗街坊互助社！", message.Subject);
        Assert.Contains("陳大文，你好！", message.TextBody);
        Assert.Contains("「深水埗街坊互助社」已經批准你成為機構的義工", message.TextBody);
        Assert.Contains("https://kaifong.test/o/sspo", message.TextBody);
        Assert.Equal(EmailComposer.MessageIdFor("membership-approved:1", "kaifong.test"), message.MessageId);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);

        var saved = await LoadAsync(host, row.Id);
        Assert.Equal(MessagingHost.Start, saved.SentAt);
        Assert.Null(saved.LockedBy);
        Assert.Null(saved.LockedUntil);
        Assert.Equal(0, saved.Attempts);
    }

    [Fact]
    public async Task A_resent_message_carries_the_same_message_id()
    {
        using var database = new TempDatabase();
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(smtp.Port));
        var row = await EnqueueAsync(host, "resend-me");
        await host.Dispatcher.DispatchDueAsync(CancellationToken.None);

        // As after a crash between sending and recording it.
        await host.WithDbAsync(db => db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null)));
        await host.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(smtp.Received[0].Message.MessageId, smtp.Received[1].Message.MessageId);
    }

    [Fact]
    public async Task A_refused_connection_records_the_attempt_and_backs_off()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(TestSmtpServer.FreePort()));
        var row = await EnqueueAsync(host, "closed-port");

        var sent = await host.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(0, sent);
        var failed = await LoadAsync(host, row.Id);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(MessagingHost.Start + OutboxMessage.Backoff(1), failed.DueAt);
        Assert.Null(failed.SentAt);
        Assert.Null(failed.FailedAt);
        Assert.Null(failed.LockedBy);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Contains(host.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains(row.Id.ToString(), StringComparison.Ordinal));

        // Not due again until the back-off has passed.
        await host.Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, (await LoadAsync(host, row.Id)).Attempts);

        host.Time.Advance(OutboxMessage.Backoff(1));
        await host.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var again = await LoadAsync(host, row.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(host.Time.GetUtcNow() + OutboxMessage.Backoff(2), again.DueAt);
        Assert.Null(again.SentAt);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(TestSmtpServer.FreePort()));
        var row = await EnqueueAsync(host, "never-delivered");

        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await host.Dispatcher.DispatchDueAsync(CancellationToken.None);
            host.Time.Advance(OutboxMessage.Backoff(i + 1));
        }

        var saved = await LoadAsync(host, row.Id);
        Assert.Equal(OutboxMessage.MaxAttempts, saved.Attempts);
        Assert.NotNull(saved.FailedAt);
        Assert.Null(saved.SentAt);
        Assert.Contains(host.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains("given up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_recipient_fails_at_once()
    {
        using var database = new TempDatabase();
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(smtp.Port));
        var row = await EnqueueAsync(host, "bad-address", to: "not an address");

        await host.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var saved = await LoadAsync(host, row.Id);
        Assert.Equal(MessagingHost.Start, saved.FailedAt);
        Assert.Equal(1, saved.Attempts);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Messages_not_yet_due_or_leased_by_another_instance_wait()
    {
        using var database = new TempDatabase();
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(smtp.Port));
        var later = await EnqueueAsync(host, "later");
        var leased = await EnqueueAsync(host, "leased");
        await host.WithDbAsync(async db =>
        {
            await db.Outbox.Where(m => m.Id == later.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, MessagingHost.Start.AddMinutes(10)));
            await db.Outbox.Where(m => m.Id == leased.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedBy, "another-instance")
                    .SetProperty(m => m.LockedUntil, MessagingHost.Start + OutboxDispatcher.LockDuration));
        });

        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));

        // The other instance's lease expires (it crashed): this one takes the message over.
        host.Time.Advance(OutboxDispatcher.LockDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.NotNull((await LoadAsync(host, leased.Id)).SentAt);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task Two_instances_deliver_each_message_exactly_once()
    {
        using var database = new TempDatabase();
        await using var smtp = await TestSmtpServer.StartAsync();
        var settings = SmtpSettings(smtp.Port);
        settings["Outbox:BatchSize"] = "4";
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(MessagingHost.Start);
        await using var one = await MessagingHost.StartAsync(database, settings, time);
        await using var two = await MessagingHost.StartAsync(database, settings, time, migrate: false);
        for (var i = 0; i < 24; i++)
        {
            await EnqueueAsync(one, $"bulk:{i}", to: $"volunteer{i}@example.hk");
        }

        var counts = await Task.WhenAll(
            Task.Run(() => one.Dispatcher.DispatchDueAsync(CancellationToken.None)),
            Task.Run(() => two.Dispatcher.DispatchDueAsync(CancellationToken.None)));

        Assert.NotEqual(one.Dispatcher.InstanceId, two.Dispatcher.InstanceId);
        Assert.Equal(24, counts.Sum());
        Assert.Equal(24, smtp.Received.Count);
        Assert.Equal(24, smtp.Received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.Equal(0, await one.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, SmtpSettings(TestSmtpServer.FreePort()));
        var row = await EnqueueAsync(host, "cancelled");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Dispatcher.DispatchDueAsync(cancelled.Token));

        Assert.Equal(0, (await LoadAsync(host, row.Id)).Attempts);
    }

    [Fact]
    public async Task The_hosted_dispatcher_sends_when_signalled()
    {
        using var database = new TempDatabase();
        await using var smtp = await TestSmtpServer.StartAsync();
        var settings = SmtpSettings(smtp.Port);
        settings["Outbox:PollSeconds"] = "3600";
        var time = new TimerWatchingTimeProvider(MessagingHost.Start);
        await using var host = await MessagingHost.StartAsync(database, settings, time);
        var dispatcher = host.Dispatcher;
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            // The first pass found nothing and the dispatcher now waits for the poll interval, which the fake clock never reaches.
            await time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(10));
            await EnqueueAsync(host, "signalled");
            host.Services.GetRequiredService<OutboxSignal>().Notify();

            for (var i = 0; i < 400 && smtp.Received.Count == 0; i++)
            {
                await Task.Delay(25);
            }
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal("歡迎加入深水埗街坊互助社！", Assert.Single(smtp.Received).Message.Subject);
    }

    private sealed class TimerWatchingTimeProvider(DateTimeOffset start) : Microsoft.Extensions.Time.Testing.FakeTimeProvider(start)
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }
}
