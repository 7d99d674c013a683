using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Signups;

/// <summary>Who moves up when a place comes free: the waitlist (候補) first, in the order people joined, then the backups (後備).</summary>
public static class WaitlistRules
{
    /// <summary>
    /// The queue: Waitlisted by the time they joined, then Standby by the time they offered; two at the same instant in
    /// sign-up id order, so every server agrees. Anyone in another state is not in the queue.
    /// </summary>
    public static IReadOnlyList<Guid> Order(IEnumerable<(Guid SignupId, SignupStatus Status, DateTimeOffset Since)> signups) =>
        signups
            .Where(s => s.Status is SignupStatus.Waitlisted or SignupStatus.Standby)
            .OrderBy(s => s.Status == SignupStatus.Waitlisted ? 0 : 1)
            .ThenBy(s => s.Since)
            .ThenBy(s => s.SignupId)
            .Select(s => s.SignupId)
            .ToArray();

    /// <summary>The sign-up that moves up next, or null when nobody is waiting.</summary>
    public static Guid? Next(IEnumerable<(Guid SignupId, SignupStatus Status, DateTimeOffset Since)> signups) =>
        Order(signups) is [var first, ..] ? first : null;
}
