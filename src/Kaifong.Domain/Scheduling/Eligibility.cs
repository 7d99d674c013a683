namespace Kaifong.Domain.Scheduling;

/// <summary>A qualification a person holds in one organisation, as eligibility needs it.</summary>
public sealed record HeldSkill(string Name, bool Verified, DateOnly? ExpiresOn);

/// <summary>Who may take a shift, as far as skills go: every required skill held, verified, and not expired on the shift's date.</summary>
public static class Eligibility
{
    public static IReadOnlyList<string> MissingSkills(IEnumerable<string> required, IEnumerable<HeldSkill> held, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(required);
        var valid = held
            .Where(h => h.Verified && (h.ExpiresOn is null || h.ExpiresOn.Value >= on))
            .Select(h => h.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return required.Distinct(StringComparer.OrdinalIgnoreCase).Where(r => !valid.Contains(r)).ToArray();
    }

    /// <summary>Sign-up closes <paramref name="deadlineMinutes"/> before the start (at the start when null).</summary>
    public static bool RegistrationOpen(DateTimeOffset start, int? deadlineMinutes, DateTimeOffset now) =>
        now < start - TimeSpan.FromMinutes(deadlineMinutes ?? 0);
}
