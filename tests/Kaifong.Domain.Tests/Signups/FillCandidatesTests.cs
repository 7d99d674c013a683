using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Signups;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>邊個可以填: who is left out of the list, and the order of the rest.</summary>
public class FillCandidatesTests
{
    private static FillCandidate Member(
        string name, bool? available = null, District? district = null, int recent = 0, Error[]? ineligible = null, Conflict[]? conflicts = null) =>
        new(Guid.NewGuid(), name, district, available, recent, ineligible ?? [], conflicts ?? []);

    private static string[] Names(IEnumerable<FillCandidate> ranked) => ranked.Select(m => m.DisplayName).ToArray();

    [Fact]
    public void The_ineligible_the_double_booked_and_the_unavailable_are_left_out()
    {
        var members = new[]
        {
            Member("ok"),
            Member("no first aid", ineligible: [SignupErrors.MissingSkill("急救證書")]),
            Member("too young", ineligible: [SignupErrors.TooYoung(18)]),
            Member("registration closed", ineligible: [SignupErrors.DeadlinePassed]),
            Member("busy then", conflicts: [new Conflict(SignupErrors.Overlap, false)]),
            Member("away", available: false),
        };

        Assert.Equal(["ok", "registration closed"], Names(FillCandidates.Rank(members, null)));
    }

    [Fact]
    public void No_conflict_comes_before_a_limit_then_free_before_unknown_then_district_then_lighter_load()
    {
        var members = new[]
        {
            Member("over limit, free, here", available: true, district: District.ShamShuiPo, conflicts: [new Conflict(SignupErrors.WeeklyLimit(2), true)]),
            Member("unknown, here, idle", district: District.ShamShuiPo),
            Member("free, elsewhere, idle", available: true, district: District.Eastern),
            Member("free, here, busy", available: true, district: District.ShamShuiPo, recent: 6),
            Member("free, here, idle", available: true, district: District.ShamShuiPo, recent: 1),
        };

        Assert.Equal(
            ["free, here, idle", "free, here, busy", "free, elsewhere, idle", "unknown, here, idle", "over limit, free, here"],
            Names(FillCandidates.Rank(members, District.ShamShuiPo)));
    }

    [Fact]
    public void Without_a_district_on_the_shift_load_decides_and_the_list_is_cut_at_the_number_asked()
    {
        var members = Enumerable.Range(0, 20).Select(i => Member($"m{i:D2}", available: true, district: District.Eastern, recent: 20 - i)).ToArray();

        var ranked = FillCandidates.Rank(members, null, take: 3);

        Assert.Equal(["m19", "m18", "m17"], Names(ranked));
        Assert.Empty(FillCandidates.Rank(members, null, take: 0));
    }
}
