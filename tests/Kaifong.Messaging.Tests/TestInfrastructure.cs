using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Kaifong.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kaifong.Messaging.Tests;

/// <summary>A temp folder with a migrated SQLite database, removed on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Root = Path.Combine(Path.GetTempPath(), "kaifong-messaging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        ConnectionString = $"Data Source={Path.Combine(Root, "kaifong.db")};Pooling=False";
    }

    public string Root { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The messaging services as the web host wires them, on a real SQLite file and a fake clock.</summary>
internal sealed class MessagingHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private MessagingHost(ServiceProvider services, FakeTimeProvider time, ListLoggerProvider logs)
    {
        Services = services;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public ListLoggerProvider Logs { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public static async Task<MessagingHost> StartAsync(
        TempDatabase database, IDictionary<string, string?> settings, FakeTimeProvider? time = null, bool migrate = true)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var fake = time ?? new FakeTimeProvider(Start);
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(fake);
        services.Configure<IdentityOptions>(DesignServices.ConfigureStores);
        services.AddDbContext<SqliteKaifongDb>(o => o.UseSqlite(database.ConnectionString));
        services.AddScoped<KaifongDb>(sp => sp.GetRequiredService<SqliteKaifongDb>());
        services.AddKaifongMessaging(config, database.Root);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var host = new MessagingHost(provider, fake, logs);
        if (migrate)
        {
            await host.WithDbAsync(db => db.Database.MigrateAsync());
        }

        return host;
    }

    public async Task WithDbAsync(Func<KaifongDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<KaifongDb>());
    }

    public async Task<T> WithDbAsync<T>(Func<KaifongDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KaifongDb>());
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>An in-process SMTP server on 127.0.0.1 that keeps what it receives.</summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(Store);
        _server = new SmtpServer.SmtpServer(options, provider);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public CapturingStore Store { get; } = new();

    public IReadOnlyList<Received> Received => [.. Store.Messages];

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer();
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A port nothing listens on: connections to it are refused.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            if (_running.IsFaulted)
            {
                await _running;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
    }
}

internal sealed record Received(IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

internal sealed class CapturingStore : MessageStore
{
    public ConcurrentQueue<Received> Messages { get; } = new();

    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        Messages.Enqueue(new Received([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
        return SmtpResponse.Ok;
    }
}

/// <summary>Keeps formatted log lines so a test can read what an operator would see.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
