using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Signups;

/// <summary>
/// 確認出席期限 and late cancellation, as an organisation (or one activity) sets them.
/// <paramref name="Window"/>: how long an assigned person has to confirm (default 48 h).
/// <paramref name="LateCancellationCutoff"/>: cancelling a place less than this before the start is a late cancellation (default 24 h).
/// </summary>
public sealed record ConfirmationPolicy(TimeSpan Window, TimeSpan LateCancellationCutoff)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(48);
    public static readonly TimeSpan DefaultCutoff = TimeSpan.FromHours(24);
    public static readonly ConfirmationPolicy Default = new(DefaultWindow, DefaultCutoff);

    /// <summary>The activity's setting wins over the organisation's, which wins over the defaults (hours; null = not set).</summary>
    public static ConfirmationPolicy For(int? organisationWindowHours, int? activityWindowHours, int? organisationCutoffHours, int? activityCutoffHours) =>
        new(
            TimeSpan.FromHours(activityWindowHours ?? organisationWindowHours ?? DefaultWindow.TotalHours),
            TimeSpan.FromHours(activityCutoffHours ?? organisationCutoffHours ?? DefaultCutoff.TotalHours));
}

/// <summary>When an assigned person must confirm, when they are overdue, and when a cancellation is late.</summary>
public static class ConfirmationRules
{
    /// <summary>
    /// The confirm-by instant: the window (48 h by default) from when the place was given, but never later than halfway
    /// from then to the start, so the coordinator keeps at least as long as the person had to offer an unconfirmed place on.
    /// Given a place 10 days ahead: 48 h. Given 3 days ahead: 36 h (half of 72 h). Given 2 h ahead: 1 h.
    /// Given at or after the start: due at once (there is nothing left to confirm ahead of).
    /// </summary>
    public static DateTimeOffset ConfirmBy(DateTimeOffset assignedAt, DateTimeOffset shiftStart, ConfirmationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (shiftStart <= assignedAt)
        {
            return assignedAt;
        }

        var half = (shiftStart - assignedAt) / 2;
        return assignedAt + (policy.Window < half ? policy.Window : half);
    }

    /// <summary>
    /// An assigned person who has not confirmed by the confirm-by instant is overdue: the coordinator is told and, by
    /// policy, the place is offered on. Confirming at the confirm-by instant itself is in time. Only Assigned can be overdue.
    /// </summary>
    public static bool IsOverdue(SignupStatus status, DateTimeOffset assignedAt, DateTimeOffset shiftStart, ConfirmationPolicy policy, DateTimeOffset now) =>
        status == SignupStatus.Assigned && now > ConfirmBy(assignedAt, shiftStart, policy);

    /// <summary>
    /// A late cancellation: giving up a place (Assigned or Confirmed) less than the cutoff (24 h by default) before the start.
    /// Exactly the cutoff before is still in time. Leaving the waitlist, the backups or a draft is never late.
    /// </summary>
    public static bool IsLateCancellation(SignupStatus from, DateTimeOffset cancelledAt, DateTimeOffset shiftStart, ConfirmationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return SignupMoves.FreesPlace(from, SignupAction.Cancel) && cancelledAt > shiftStart - policy.LateCancellationCutoff;
    }

    /// <summary>
    /// Confirming, declining or cancelling is for before the shift starts; after that the event lead records attendance
    /// (<c>signup.started</c>).
    /// </summary>
    public static Common.Error? BeforeStart(DateTimeOffset shiftStart, DateTimeOffset now) =>
        now < shiftStart ? null : SignupErrors.Started;
}
