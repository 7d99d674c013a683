using System.Threading.Channels;
using Kaifong.Domain.Common;
using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Account;

/// <summary>
/// Forgot-password and magic-link requests, handed off the request: the request does the same constant work whether or
/// not the address has an account (it checks the length and writes here), so neither its answer nor its time tells.
/// <see cref="AccountMailWorker"/> looks the address up, makes the token and writes the outbox row. In memory: a request
/// in flight when the process stops is lost, and the person asks again.
/// </summary>
public sealed class AccountMailQueue
{
    public sealed record Request(string Email, AccountMail.Link Link);

    private readonly Channel<Request> channel = Channel.CreateBounded<Request>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long accepted;

    /// <summary>How many requests were handed over (for tests: known and unknown addresses alike).</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    public ChannelReader<Request> Reader => channel.Reader;

    /// <summary>Hands the request over.</summary>
    public void Enqueue(string? email, AccountMail.Link link)
    {
        var address = email?.Trim() ?? "";
        if (address.Length is 0 or > Limits.Email)
        {
            return;
        }

        if (channel.Writer.TryWrite(new Request(address, link)))
        {
            Interlocked.Increment(ref accepted);
        }
    }
}

/// <summary>Does the work of <see cref="AccountMailQueue"/>'s requests, one at a time, each in its own scope.</summary>
public sealed class AccountMailWorker(AccountMailQueue queue, IServiceScopeFactory scopes, ILogger<AccountMailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccountMail>().SendIfRegisteredAsync(request.Email, request.Link);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not prepare a {Link} mail", request.Link);
            }
        }
    }
}
