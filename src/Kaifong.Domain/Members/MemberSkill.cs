using Kaifong.Domain.Common;

namespace Kaifong.Domain.Members;

/// <summary>技能標籤 / 資格 held by a member of one organisation; some are verified by staff and expire.</summary>
public sealed class MemberSkill : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid MembershipId { get; init; }
    public required string Name { get; init; }
    public bool Verified { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public Guid? VerifiedBy { get; init; }

    /// <summary>Valid on a date: verified (when verification is asked for) and not expired.</summary>
    public bool IsValidOn(DateOnly date, bool mustBeVerified) =>
        (!mustBeVerified || Verified) && (ExpiresOn is null || ExpiresOn.Value >= date);
}

public sealed record SkillInput(string? Name, bool Verified, DateOnly? ExpiresOn);

public static class MemberSkillRules
{
    public static (IReadOnlyList<SkillInput>? Skills, IReadOnlyList<Error> Errors) Validate(IReadOnlyList<SkillInput>? input)
    {
        var errors = new List<Error>();
        var names = People.SkillRules.NormaliseNames((input ?? []).Select(s => s.Name), errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var result = names
            .Select(n => input!.Last(s => string.Equals(s.Name?.Trim(), n, StringComparison.OrdinalIgnoreCase)) with { Name = n })
            .ToArray();
        return (result, errors);
    }
}
