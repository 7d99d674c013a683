using Kaifong.Data;
using Kaifong.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>
/// Identity's user manager, with one guard at the place every look-up by e-mail or user name passes (sign-in, magic
/// links, password resets, registration's uniqueness check): an address that no account can have (too long, or with a
/// control character such as NUL, which PostgreSQL refuses in a query) finds nobody instead of failing the request.
/// </summary>
public sealed class KaifongUserManager(
    IUserStore<KaifongUser> store, IOptions<IdentityOptions> options, IPasswordHasher<KaifongUser> hasher,
    IEnumerable<IUserValidator<KaifongUser>> userValidators, IEnumerable<IPasswordValidator<KaifongUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<KaifongUser>> logger)
    : UserManager<KaifongUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public static bool CouldBeAnAccount(string? nameOrEmail) =>
        !string.IsNullOrEmpty(nameOrEmail) && nameOrEmail.Length <= Limits.Email && !nameOrEmail.Any(c => char.IsControl(c) || char.IsSurrogate(c));

    public override Task<KaifongUser?> FindByEmailAsync(string email) =>
        CouldBeAnAccount(email) ? base.FindByEmailAsync(email) : Task.FromResult<KaifongUser?>(null);

    public override Task<KaifongUser?> FindByNameAsync(string userName) =>
        CouldBeAnAccount(userName) ? base.FindByNameAsync(userName) : Task.FromResult<KaifongUser?>(null);
}
