namespace Kaifong.Domain.Common;

/// <summary>Every row an organisation owns carries its id; every query filters on it.</summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}
