using System.Threading.Channels;

namespace Kaifong.Messaging;

/// <summary>
/// Wakes the outbox dispatcher in this process before its next poll. Call <see cref="Notify"/> after SaveChanges
/// has committed new outbox rows. Other instances still find them on their own poll.
/// </summary>
public sealed class OutboxSignal
{
    // One pending wake-up is enough: notifications that arrive while one is pending merge into it.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Notify"/> is called or <paramref name="timeout"/> (measured by <paramref name="time"/>) passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (_wakeUps.Reader.TryRead(out _))
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wakeUps.Reader.WaitToReadAsync(linked.Token).AsTask();
        var delay = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(woken, delay);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _wakeUps.Reader.TryRead(out _);
    }
}
