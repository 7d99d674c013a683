using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>尋找替班: asking, the first acceptor taking the place, and who is offered it.</summary>
public class SubstituteRequestTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = Start.AddDays(-1);
    private static readonly Guid Requester = Guid.NewGuid();

    private static Result<SubstituteRequest> Ask(SignupStatus status = SignupStatus.Confirmed, bool alreadyOpen = false, DateTimeOffset? now = null) =>
        SubstituteRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Requester, status, alreadyOpen, Start, now ?? Now);

    private static SubstituteRequest Open() => Ask().Value!;

    [Theory]
    [InlineData(SignupStatus.Assigned)]
    [InlineData(SignupStatus.Confirmed)]
    public void A_person_holding_a_place_may_ask_and_stays_responsible_until_someone_accepts(SignupStatus status)
    {
        var request = Ask(status).Value!;
        Assert.Equal(SubstituteStatus.Open, request.Status);
        Assert.Equal(Requester, request.Responsible);
        Assert.Null(request.TakenBy);
        Assert.Equal(Now, request.CreatedAt);
    }

    [Theory]
    [InlineData(SignupStatus.Waitlisted)]
    [InlineData(SignupStatus.Standby)]
    [InlineData(SignupStatus.Proposed)]
    [InlineData(SignupStatus.Cancelled)]
    [InlineData(SignupStatus.CheckedIn)]
    public void Without_a_place_there_is_nothing_to_hand_over(SignupStatus status) =>
        Assert.Equal("substitute.no_place", Ask(status).Error?.Code);

    [Fact]
    public void One_open_request_per_sign_up() =>
        Assert.Equal("substitute.already_open", Ask(alreadyOpen: true).Error?.Code);

    [Fact]
    public void Asking_once_the_shift_has_started_is_too_late() =>
        Assert.Equal("signup.started", Ask(now: Start).Error?.Code);

    [Fact]
    public void The_first_to_accept_takes_the_place_and_becomes_responsible()
    {
        var request = Open();
        var first = Guid.NewGuid();
        var at = Now.AddHours(1);
        Assert.Null(request.Accept(first, Start, at));
        Assert.Equal(SubstituteStatus.Taken, request.Status);
        Assert.Equal(first, request.TakenBy);
        Assert.Equal(at, request.TakenAt);
        Assert.Equal(first, request.Responsible);
    }

    [Fact]
    public void The_second_to_accept_is_told_it_is_taken_and_nothing_changes()
    {
        var request = Open();
        var first = Guid.NewGuid();
        request.Accept(first, Start, Now);
        var error = request.Accept(Guid.NewGuid(), Start, Now.AddSeconds(1));
        Assert.Equal("substitute.taken", error?.Code);
        Assert.Equal(ErrorKind.Conflict, error?.Kind);
        Assert.Equal(first, request.TakenBy);
        Assert.Equal(Now, request.TakenAt);
    }

    [Fact]
    public void The_requester_cannot_accept_their_own_request()
    {
        var request = Open();
        Assert.Equal("substitute.own", request.Accept(Requester, Start, Now)?.Code);
        Assert.Equal(SubstituteStatus.Open, request.Status);
    }

    [Fact]
    public void Accepting_once_the_shift_has_started_is_refused_and_the_request_stays_open()
    {
        var request = Open();
        Assert.Equal("signup.started", request.Accept(Guid.NewGuid(), Start, Start)?.Code);
        Assert.Equal(SubstituteStatus.Open, request.Status);
    }

    [Fact]
    public void A_withdrawn_or_expired_request_cannot_be_accepted_and_the_requester_keeps_the_place()
    {
        var withdrawn = Open();
        Assert.Null(withdrawn.Withdraw());
        var expired = Open();
        Assert.Null(expired.Expire());
        foreach (var request in new[] { withdrawn, expired })
        {
            Assert.Equal("substitute.closed", request.Accept(Guid.NewGuid(), Start, Now)?.Code);
            Assert.Equal(Requester, request.Responsible);
        }

        Assert.Equal(SubstituteStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(SubstituteStatus.Expired, expired.Status);
    }

    [Fact]
    public void Only_an_open_request_can_be_withdrawn_or_expire()
    {
        var taken = Open();
        taken.Accept(Guid.NewGuid(), Start, Now);
        Assert.Equal("substitute.taken", taken.Withdraw()?.Code);
        Assert.Equal("substitute.taken", taken.Expire()?.Code);
        var withdrawn = Open();
        withdrawn.Withdraw();
        Assert.Equal("substitute.closed", withdrawn.Withdraw()?.Code);
        Assert.Equal("substitute.closed", withdrawn.Expire()?.Code);
        Assert.Equal(SubstituteStatus.Withdrawn, withdrawn.Status);
    }

    [Fact]
    public void Only_eligible_members_without_any_conflict_and_not_the_requester_are_offered_the_place()
    {
        var request = Open();
        var fine = Guid.NewGuid();
        var lateButFine = Guid.NewGuid();
        var noSkill = Guid.NewGuid();
        var overLimit = Guid.NewGuid();
        var clash = Guid.NewGuid();
        var members = new SubstituteCandidate[]
        {
            new(Requester, [], []),
            new(fine, [], []),
            new(lateButFine, [SignupErrors.DeadlinePassed], []),
            new(noSkill, [SignupErrors.MissingSkill("急救證書")], []),
            new(overLimit, [], [new Conflict(SignupErrors.MonthlyLimit(8), true)]),
            new(clash, [], [new Conflict(SignupErrors.Overlap, false)]),
            new(fine, [], []),
        };
        Assert.Equal([fine, lateButFine], SubstituteRules.Candidates(request, members));
    }

    [Fact]
    public void Someone_who_said_they_are_not_available_then_is_not_asked_but_someone_who_never_said_is()
    {
        var request = Open();
        var free = Guid.NewGuid();
        var unknown = Guid.NewGuid();
        var away = Guid.NewGuid();
        var members = new SubstituteCandidate[] { new(free, [], [], true), new(unknown, [], [], null), new(away, [], [], false) };
        Assert.Equal([free, unknown], SubstituteRules.Candidates(request, members));
    }

    [Fact]
    public void A_request_made_for_an_unconfirmed_place_says_so()
    {
        var request = SubstituteRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Requester, SignupStatus.Assigned, false, Start, Now, SubstituteOrigin.Unconfirmed).Value!;
        Assert.Equal(SubstituteOrigin.Unconfirmed, request.Origin);
        Assert.Equal(SubstituteOrigin.Asked, Open().Origin);
    }
}
