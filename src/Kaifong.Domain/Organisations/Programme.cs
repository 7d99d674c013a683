using Kaifong.Domain.Common;

namespace Kaifong.Domain.Organisations;

/// <summary>服務計劃: a standing service with its own team. Coordinators are scoped to programmes.</summary>
public sealed class Programme : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class ProgrammeErrors
{
    public static readonly Error NameRequired = new("validation", "Error.Required", Field: "name");
    public static readonly Error NameTooLong = new("validation", "Error.TooLong", Field: "name", Args: [Limits.Name]);
    public static readonly Error NameTaken = new("programme.name_taken", "Error.ProgrammeNameTaken", ErrorKind.Conflict, "name");
    public static readonly Error Unknown = new("programme.unknown", "Error.UnknownProgramme", Field: "programmeIds");

    public static Error? ValidateName(string? name) => FreeText.FirstError(name, Limits.Name, "name", NameRequired, NameTooLong);

    /// <summary>The name as stored: by the one text rule (call <see cref="ValidateName"/> first).</summary>
    public static string Clean(string? name) => FreeText.Clean(name, Limits.Name).Value ?? "";
}
