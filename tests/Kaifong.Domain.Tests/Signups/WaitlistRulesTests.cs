using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>Who moves up when a place comes free.</summary>
public class WaitlistRulesTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_longest_waiting_on_the_waitlist_moves_up_first()
    {
        var early = Guid.NewGuid();
        var late = Guid.NewGuid();
        Assert.Equal(early, WaitlistRules.Next([(late, SignupStatus.Waitlisted, T.AddMinutes(5)), (early, SignupStatus.Waitlisted, T)]));
    }

    [Fact]
    public void Backups_come_after_everyone_on_the_waitlist_however_early_they_offered()
    {
        var backup = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        var laterBackup = Guid.NewGuid();
        var queue = WaitlistRules.Order([(laterBackup, SignupStatus.Standby, T.AddDays(-1)), (waiting, SignupStatus.Waitlisted, T), (backup, SignupStatus.Standby, T.AddDays(-2))]);
        Assert.Equal([waiting, backup, laterBackup], queue);
    }

    [Fact]
    public void Two_joining_at_the_same_instant_are_ordered_by_sign_up_id_whatever_order_they_are_given_in()
    {
        var a = Guid.Parse("00000000-0000-7000-8000-000000000001");
        var b = Guid.Parse("00000000-0000-7000-8000-000000000002");
        Assert.Equal(a, WaitlistRules.Next([(b, SignupStatus.Waitlisted, T), (a, SignupStatus.Waitlisted, T)]));
        Assert.Equal(a, WaitlistRules.Next([(a, SignupStatus.Waitlisted, T), (b, SignupStatus.Waitlisted, T)]));
    }

    [Fact]
    public void People_holding_a_place_or_gone_are_not_in_the_queue_and_an_empty_queue_has_no_next()
    {
        var others = Enum.GetValues<SignupStatus>()
            .Where(s => s is not (SignupStatus.Waitlisted or SignupStatus.Standby))
            .Select(s => (Guid.NewGuid(), s, T.AddDays(-1)))
            .ToList();
        Assert.Null(WaitlistRules.Next(others));
        var waiting = Guid.NewGuid();
        Assert.Equal([waiting], WaitlistRules.Order([.. others, (waiting, SignupStatus.Waitlisted, T)]));
    }
}
