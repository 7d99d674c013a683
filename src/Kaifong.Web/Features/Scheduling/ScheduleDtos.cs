using System.Text.Json.Serialization;
using Kaifong.Domain.Scheduling;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>A shift in lists (docs/api-contract.md's shape, plus where and when it is for the pages).</summary>
public sealed record ShiftDto(
    Guid Id, Guid ActivityId, string Title, string Role, DateTimeOffset Start, DateTimeOffset End,
    int Minimum, int Target, int Maximum, int Assigned, int Confirmed, int Waitlisted, FillState State,
    Guid ProgrammeId, string? Venue, string? District, DateOnly OccurrenceDate, bool Cancelled, bool Outdoor,
    string? Organisation = null, string? OrganisationName = null, SignupStatus? MyStatus = null, Guid? MySignupId = null, int Sequence = 0);

public sealed record ShiftDefinitionDto(string Role, string Start, string End, int Minimum, int Target, int Maximum, IReadOnlyList<string> RequiredSkills)
{
    public static ShiftDefinitionDto Of(ShiftDefinition d) =>
        new(d.Role, d.Start.ToString("HH:mm"), d.End.ToString("HH:mm"), d.Minimum, d.Target, d.Maximum, d.RequiredSkills);
}

public sealed record OccurrenceDto(Guid Id, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, string? Venue, bool Moved, bool Cancelled, IReadOnlyList<ShiftDto> Shifts);

public sealed record ActivityDto(
    Guid Id, string Title, Guid ProgrammeId, Guid? ActivityTypeId, string? Venue, string? District, string Start, string End,
    [property: JsonPropertyName("rrule")] string? RRule, string? RegistrationDeadline, bool PrivacyMode, bool Outdoor, Guid? LeadMembershipId, string? Notes,
    IReadOnlyList<ShiftDefinitionDto> Shifts, IReadOnlyList<OccurrenceDto> Occurrences, string? MaterialisedUntil, string LastDate,
    int? ConfirmationHours, int? LateCancellationHours);

public sealed record CreatedActivityDto(Guid Id, IReadOnlyList<OccurrenceDto> Occurrences);

/// <summary>
/// PATCH body: every field optional (absent = unchanged); <c>scope</c> and <c>date</c> pick the occurrences of a series.
/// <c>confirmationHours</c> and <c>lateCancellationHours</c>: -1 goes back to the organisation's setting.
/// </summary>
public sealed record ActivityPatch(
    string? Scope, string? Date, string? Title, Guid? ProgrammeId, Guid? ActivityTypeId, string? Venue, string? District,
    string? Start, string? End, string? RRule, string? RegistrationDeadline, bool? PrivacyMode, bool? Outdoor,
    Guid? LeadMembershipId, string? Notes, IReadOnlyList<ShiftInput>? Shifts, int? ConfirmationHours = null, int? LateCancellationHours = null)
{
    /// <summary>In a patch, this hour count means "the organisation's setting" (null already means "unchanged").</summary>
    public const int OrganisationDefault = -1;

    public static int? Hours(int? patched, int? current) => patched == OrganisationDefault ? null : patched ?? current;
}

public sealed record ActivityTypeRequest(string? Name, IReadOnlyList<string>? RequiredSkills, IReadOnlyList<FormFieldInput>? Form);

public sealed record ActivityTypeDto(Guid Id, string Name, IReadOnlyList<string> RequiredSkills, IReadOnlyList<FormField> Form);

public sealed record ShiftTemplateRequest(
    string? Name, Guid? ProgrammeId, Guid? ActivityTypeId, string? Venue, string? District, IReadOnlyList<string>? Days,
    string? Start, string? End, string? Role, int? Minimum, int? Target, int? Maximum, IReadOnlyList<string>? RequiredSkills,
    bool? PrivacyMode, bool? Outdoor);

public sealed record ShiftTemplateDto(
    Guid Id, string Name, Guid ProgrammeId, Guid? ActivityTypeId, string? Venue, string? District, IReadOnlyList<string> Days,
    string Start, string End, string Role, int Minimum, int Target, int Maximum, IReadOnlyList<string> RequiredSkills, bool PrivacyMode, bool Outdoor);

public sealed record GenerateRequest(string? Month);

public sealed record FeedDto(string Url);
