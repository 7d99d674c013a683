using Kaifong.Domain.Outbox;

namespace Kaifong.Domain.Tests;

public class OutboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Message() => new()
    {
        Id = Guid.NewGuid(),
        Channel = OutboxChannels.Email,
        Kind = "invitation",
        Recipient = "volunteer01@demo.kaifong.hk",
        Payload = "{}",
        IdempotencyKey = "k1",
        CreatedAt = T0,
        DueAt = T0,
        LockedBy = "worker-1",
        LockedUntil = T0.AddMinutes(5),
    };

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 480)]
    [InlineData(6, 960)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(20, 3600)]
    [InlineData(1000, 3600)]
    public void Backoff_doubles_from_thirty_seconds_and_caps_at_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.Backoff(attempts));

    [Fact]
    public void Backoff_never_shrinks()
    {
        for (var i = 1; i < 50; i++)
        {
            Assert.True(OutboxMessage.Backoff(i) >= OutboxMessage.Backoff(i - 1));
        }
    }

    [Fact]
    public void A_failure_counts_an_attempt_unlocks_and_schedules_a_retry()
    {
        var m = Message();
        var now = T0.AddSeconds(5);
        m.RecordFailure("SMTP 451 try later", now);

        Assert.Equal(1, m.Attempts);
        Assert.Equal("SMTP 451 try later", m.LastError);
        Assert.Null(m.LockedBy);
        Assert.Null(m.LockedUntil);
        Assert.Equal(now.AddSeconds(30), m.DueAt);
        Assert.Null(m.FailedAt);
        Assert.Null(m.SentAt);
    }

    [Fact]
    public void Retries_back_off_until_max_attempts_then_the_message_fails()
    {
        var m = Message();
        var now = T0;
        for (var attempt = 1; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            now = now.AddMinutes(1);
            m.RecordFailure($"failure {attempt}", now);
            Assert.Equal(attempt, m.Attempts);
            Assert.Null(m.FailedAt);
            Assert.Equal(now + OutboxMessage.Backoff(attempt), m.DueAt);
        }

        var dueBefore = m.DueAt;
        var last = now.AddHours(1);
        m.RecordFailure("final", last);

        Assert.Equal(OutboxMessage.MaxAttempts, m.Attempts);
        Assert.Equal(8, m.Attempts);
        Assert.Equal(last, m.FailedAt);
        Assert.Equal(dueBefore, m.DueAt);
        Assert.Equal("final", m.LastError);
    }

    [Fact]
    public void A_failure_after_giving_up_keeps_it_failed()
    {
        var m = Message();
        m.Attempts = OutboxMessage.MaxAttempts;
        m.RecordFailure("again", T0);
        Assert.Equal(T0, m.FailedAt);
        Assert.Equal(OutboxMessage.MaxAttempts + 1, m.Attempts);
    }

    [Theory]
    [InlineData(499, 499)]
    [InlineData(500, 500)]
    [InlineData(501, 500)]
    [InlineData(5000, 500)]
    public void Errors_are_cut_to_five_hundred_characters(int length, int stored)
    {
        var m = Message();
        m.RecordFailure(new string('e', length), T0);
        Assert.Equal(stored, m.LastError!.Length);
    }
}
