using System.Text.Json;
using Kaifong.Domain.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Messaging.Tests;

public sealed class OutboxWriterTests
{
    private static readonly RenderedMessage Message = new("多謝你報名！", "陳大文，你好！\n你已報名參加義工活動。\n");

    [Fact]
    public async Task Enqueue_only_adds_and_the_callers_save_commits()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, new Dictionary<string, string?>());
        var organisationId = Guid.NewGuid();

        await host.WithDbAsync(async db =>
        {
            var row = OutboxWriter.EnqueueEmail(db, host.Time, organisationId, "signup", "wing@example.hk", Message, "signup:42");

            Assert.Equal(0, await db.Outbox.CountAsync());
            Assert.True(await OutboxWriter.ExistsAsync(db, "signup:42"));
            Assert.Equal(EntityState.Added, db.Entry(row).State);
            await db.SaveChangesAsync();
        });

        var saved = await host.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(OutboxChannels.Email, saved.Channel);
        Assert.Equal("signup", saved.Kind);
        Assert.Equal(organisationId, saved.OrganisationId);
        Assert.Equal("wing@example.hk", saved.Recipient);
        Assert.Equal(MessagingHost.Start, saved.CreatedAt);
        Assert.Equal(MessagingHost.Start, saved.DueAt);
        Assert.Null(saved.SentAt);
        Assert.Contains("多謝你報名", saved.Payload);
        using var json = JsonDocument.Parse(saved.Payload);
        Assert.Equal(Message.Subject, json.RootElement.GetProperty("subject").GetString());
        Assert.Equal(Message.Body, json.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_repeated_key_is_detected_and_the_unique_index_refuses_a_duplicate()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, new Dictionary<string, string?>());
        await host.WithDbAsync(async db =>
        {
            Assert.False(await OutboxWriter.ExistsAsync(db, "reminder:7"));
            OutboxWriter.EnqueueEmail(db, host.Time, null, "reminder", "a@example.hk", Message, "reminder:7");
            await db.SaveChangesAsync();
        });

        await host.WithDbAsync(async db =>
        {
            Assert.True(await OutboxWriter.ExistsAsync(db, "reminder:7"));
            OutboxWriter.EnqueueEmail(db, host.Time, null, "reminder", "a@example.hk", Message, "reminder:7");
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.Equal(1, await host.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Keys_longer_than_the_column_are_refused()
    {
        using var database = new TempDatabase();
        await using var host = await MessagingHost.StartAsync(database, new Dictionary<string, string?>(), migrate: false);

        await host.WithDbAsync(db =>
        {
            Assert.Throws<ArgumentException>(() =>
                OutboxWriter.EnqueueEmail(db, host.Time, null, "x", "a@example.hk", Message, new string('k', OutboxWriter.MaxKeyLength + 1)));
            return Task.CompletedTask;
        });
    }
}
