using System.Security.Cryptography;

namespace Kaifong.Domain.Common;

/// <summary>Unguessable URL-safe tokens for invitation links and calendar feeds.</summary>
public static class Tokens
{
    public static string NewUrlToken(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
