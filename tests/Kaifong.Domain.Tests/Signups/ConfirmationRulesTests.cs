using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>確認出席期限 and late cancellation, at their boundary instants.</summary>
public class ConfirmationRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ConfirmationPolicy Policy = ConfirmationPolicy.Default;

    [Fact]
    public void A_place_given_well_ahead_must_be_confirmed_within_48_hours()
    {
        var assigned = Start.AddDays(-10);
        Assert.Equal(assigned.AddHours(48), ConfirmationRules.ConfirmBy(assigned, Start, Policy));
    }

    [Fact]
    public void A_place_given_exactly_twice_the_window_ahead_still_gets_the_full_48_hours_and_so_is_due_halfway()
    {
        var assigned = Start.AddHours(-96);
        Assert.Equal(Start.AddHours(-48), ConfirmationRules.ConfirmBy(assigned, Start, Policy));
    }

    [Theory]
    [InlineData(72, 36)]
    [InlineData(48, 24)]
    [InlineData(2, 1)]
    public void A_place_given_closer_to_the_start_is_due_halfway_to_the_start(int hoursAhead, int hoursToConfirm)
    {
        var assigned = Start.AddHours(-hoursAhead);
        Assert.Equal(assigned.AddHours(hoursToConfirm), ConfirmationRules.ConfirmBy(assigned, Start, Policy));
    }

    [Fact]
    public void A_place_given_at_or_after_the_start_is_due_at_once()
    {
        Assert.Equal(Start, ConfirmationRules.ConfirmBy(Start, Start, Policy));
        Assert.Equal(Start.AddMinutes(5), ConfirmationRules.ConfirmBy(Start.AddMinutes(5), Start, Policy));
    }

    [Fact]
    public void The_confirm_by_instant_is_never_after_the_start_for_any_window()
    {
        foreach (var window in new[] { 1, 24, 48, 72, 24 * 14 })
        {
            var policy = Policy with { Window = TimeSpan.FromHours(window) };
            foreach (var ahead in new[] { 1, 3, 47, 48, 49, 96, 500 })
            {
                var due = ConfirmationRules.ConfirmBy(Start.AddHours(-ahead), Start, policy);
                Assert.True(due < Start);
                Assert.True(due <= Start.AddHours(-ahead + window));
            }
        }
    }

    [Fact]
    public void A_shorter_window_set_by_the_organisation_is_used()
    {
        var policy = ConfirmationPolicy.For(12, null, null, null);
        var assigned = Start.AddDays(-10);
        Assert.Equal(assigned.AddHours(12), ConfirmationRules.ConfirmBy(assigned, Start, policy));
    }

    [Fact]
    public void The_activity_setting_wins_over_the_organisation_which_wins_over_the_default()
    {
        Assert.Equal(ConfirmationPolicy.Default, ConfirmationPolicy.For(null, null, null, null));
        Assert.Equal(new ConfirmationPolicy(TimeSpan.FromHours(24), TimeSpan.FromHours(12)), ConfirmationPolicy.For(72, 24, 12, null));
        Assert.Equal(new ConfirmationPolicy(TimeSpan.FromHours(72), TimeSpan.FromHours(6)), ConfirmationPolicy.For(72, null, 12, 6));
    }

    [Fact]
    public void Confirming_at_the_confirm_by_instant_is_in_time_and_a_tick_later_is_overdue()
    {
        var assigned = Start.AddDays(-10);
        var due = ConfirmationRules.ConfirmBy(assigned, Start, Policy);
        Assert.False(ConfirmationRules.IsOverdue(SignupStatus.Assigned, assigned, Start, Policy, due));
        Assert.True(ConfirmationRules.IsOverdue(SignupStatus.Assigned, assigned, Start, Policy, due.AddTicks(1)));
    }

    [Theory]
    [InlineData(SignupStatus.Confirmed)]
    [InlineData(SignupStatus.Waitlisted)]
    [InlineData(SignupStatus.Cancelled)]
    [InlineData(SignupStatus.Proposed)]
    public void Only_an_assigned_person_can_be_overdue(SignupStatus status) =>
        Assert.False(ConfirmationRules.IsOverdue(status, Start.AddDays(-10), Start, Policy, Start.AddDays(-1)));

    [Fact]
    public void Cancelling_exactly_24_hours_before_is_in_time_and_a_tick_later_is_late()
    {
        var cutoff = Start.AddHours(-24);
        Assert.False(ConfirmationRules.IsLateCancellation(SignupStatus.Confirmed, cutoff, Start, Policy));
        Assert.True(ConfirmationRules.IsLateCancellation(SignupStatus.Confirmed, cutoff.AddTicks(1), Start, Policy));
        Assert.True(ConfirmationRules.IsLateCancellation(SignupStatus.Assigned, Start.AddMinutes(-1), Start, Policy));
    }

    [Fact]
    public void The_late_cancellation_cutoff_follows_the_policy()
    {
        var policy = ConfirmationPolicy.For(null, null, null, 6);
        Assert.False(ConfirmationRules.IsLateCancellation(SignupStatus.Confirmed, Start.AddHours(-7), Start, policy));
        Assert.True(ConfirmationRules.IsLateCancellation(SignupStatus.Confirmed, Start.AddHours(-5), Start, policy));
    }

    [Theory]
    [InlineData(SignupStatus.Waitlisted)]
    [InlineData(SignupStatus.Standby)]
    [InlineData(SignupStatus.Proposed)]
    public void Leaving_the_waitlist_the_backups_or_a_draft_is_never_late(SignupStatus from) =>
        Assert.False(ConfirmationRules.IsLateCancellation(from, Start.AddMinutes(-1), Start, Policy));

    [Fact]
    public void Confirming_or_cancelling_is_refused_once_the_shift_has_started()
    {
        Assert.Null(ConfirmationRules.BeforeStart(Start, Start.AddTicks(-1)));
        Assert.Equal("signup.started", ConfirmationRules.BeforeStart(Start, Start)?.Code);
    }
}
