using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Profile;

public sealed record ProfileRequest(string? DisplayName, string? Language, string? Phone, string? District, List<string?>? Skills, bool? LargeText);
public sealed record OrganisationRef(Guid Id, string Slug, string Name);
public sealed record MyMembership(Guid Id, OrganisationRef Organisation, IReadOnlyList<string> Roles, MembershipStatus Status);
public sealed record MeDto(
    Guid Id, string Email, string DisplayName, string Language, string? Phone, string? District, IReadOnlyList<string> Skills,
    bool LargeText, bool TwoFactorEnabled, IReadOnlyList<MyMembership> Memberships);

public sealed class ProfileCommands(KaifongDb db)
{
    public async Task<MeDto?> GetAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Skills).FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : new MeDto(
            user.Id, user.Email ?? "", user.DisplayName, user.Language, user.PhoneNumber, user.District?.ApiName(),
            user.Skills.Select(s => s.Name).Order(StringComparer.Ordinal).ToArray(), user.LargeText, user.TwoFactorEnabled,
            await MembershipsAsync(userId, ct));
    }

    /// <summary>All of a person's memberships, across organisations (the switcher and GET /me).</summary>
    public async Task<MyMembership[]> MembershipsAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status != MembershipStatus.Removed)
            .Join(db.Organisations.AsNoTracking(), m => m.OrganisationId, o => o.Id, (m, o) => new { m, o })
            .ToListAsync(ct);
        return rows.OrderBy(x => x.o.Name, StringComparer.Ordinal)
            .Select(x => new MyMembership(x.m.Id, new OrganisationRef(x.o.Id, x.o.Slug, x.o.Name), x.m.Roles.ToNames(), x.m.Status))
            .ToArray();
    }

    public async Task<(KaifongUser? User, IReadOnlyList<Error> Errors)> UpdateAsync(Guid userId, ProfileRequest input, CancellationToken ct)
    {
        var (valid, errors) = ProfileRules.Validate(new ProfileInput(input.DisplayName, input.Language, input.Phone, input.District, (input.Skills ?? []).OfType<string>().ToArray()));
        if (valid is null)
        {
            return (null, errors);
        }

        var user = await db.Users.Include(u => u.Skills).FirstAsync(u => u.Id == userId, ct);
        user.DisplayName = valid.DisplayName;
        user.Language = valid.Language;
        user.PhoneNumber = valid.Phone;
        user.District = valid.District;
        if (input.LargeText is { } large)
        {
            user.LargeText = large;
        }

        db.UserSkills.RemoveRange(user.Skills.Where(s => !valid.Skills.Contains(s.Name)));
        foreach (var name in valid.Skills.Where(n => user.Skills.All(s => s.Name != n)))
        {
            db.UserSkills.Add(new UserSkill { UserId = user.Id, Name = name });
        }

        await db.SaveChangesAsync(ct);
        return (user, []);
    }
}
