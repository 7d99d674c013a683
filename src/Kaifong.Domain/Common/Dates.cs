using System.Globalization;

namespace Kaifong.Domain.Common;

/// <summary>
/// Dates as people and the API write them (yyyy-MM-dd), within the years the product works in. Every parse of a date
/// goes through here, so "9999-12-31" or "0001-01-01" is refused as a bad date instead of overflowing when a day is
/// added or a local date becomes an instant.
/// </summary>
public static class Dates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The date written as yyyy-MM-dd between <see cref="Earliest"/> and <see cref="Latest"/>, else null.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && InRange(d) ? d : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
