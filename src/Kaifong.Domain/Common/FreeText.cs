using System.Globalization;

namespace Kaifong.Domain.Common;

/// <summary>What is wrong with a piece of text, if anything.</summary>
public enum TextFault
{
    None,
    Empty,
    TooLong,
    Invalid,
}

/// <summary>Text after <see cref="FreeText.Clean"/>: the value to store (null when empty or refused) and the fault.</summary>
public readonly record struct CleanText(string? Value, TextFault Fault)
{
    public bool Ok => Fault is TextFault.None or TextFault.Empty;
}

/// <summary>
/// The one rule for names and free text typed by people, used by every field that stores what someone wrote
/// (registration, profile, organisation, programme, activity, shift role, reason, form answers…):
/// a leading byte-order mark is dropped and white space trimmed; no NUL or other control character (line breaks and
/// tabs only in multi-line text), no half of a surrogate pair, and no text made only of invisible characters
/// (zero-width spaces, joiners, fillers); the length is checked here, before the database sees it.
/// </summary>
public static class FreeText
{
    public static readonly Error InvalidText = new("validation", "Error.InvalidText");

    public static CleanText Clean(string? text, int max, bool multiline = false)
    {
        var t = (text ?? "").TrimStart('\uFEFF').Trim();
        if (t.Length == 0)
        {
            return new CleanText(null, TextFault.Empty);
        }

        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsHighSurrogate(c) && i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                return new CleanText(null, TextFault.Invalid);
            }
        }

        if (t.All(IsInvisible))
        {
            return new CleanText(null, TextFault.Invalid);
        }

        return t.Length > max ? new CleanText(null, TextFault.TooLong) : new CleanText(t, TextFault.None);
    }

    /// <summary>
    /// Cleans <paramref name="text"/> and adds the error for what is wrong: <paramref name="missing"/> when empty (none
    /// when the field is optional), <paramref name="tooLong"/> (or the general one) when too long, the shared
    /// <c>Error.InvalidText</c> on <paramref name="field"/> when it has characters no text should have.
    /// </summary>
    public static string? Check(string? text, int max, string field, List<Error> errors, Error? missing = null, Error? tooLong = null, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var clean = Clean(text, max, multiline);
        switch (clean.Fault)
        {
            case TextFault.Empty when missing is not null:
                errors.Add(missing);
                break;
            case TextFault.TooLong:
                errors.Add(tooLong ?? new Error("validation", "Error.TooLong", Field: field, Args: [max]));
                break;
            case TextFault.Invalid:
                errors.Add(InvalidText with { Field = field });
                break;
        }

        return clean.Value;
    }

    /// <summary>The first error for one field, or null; for rules that answer one error at a time.</summary>
    public static Error? FirstError(string? text, int max, string field, Error? missing = null, Error? tooLong = null, bool multiline = false)
    {
        var errors = new List<Error>();
        Check(text, max, field, errors, missing, tooLong, multiline);
        return errors.Count > 0 ? errors[0] : null;
    }

    /// <summary>White space, format characters (zero-width space and joiners, BOM, bidi marks) and the blank fillers.</summary>
    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || c is '\u3164' or '\u115F' or '\u1160' or '\uFFA0' or '\u2800' or '\u034F'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Control;
}
