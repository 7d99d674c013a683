using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Kaifong.Rostering;

/// <summary>Reads and writes roster problems and solutions (System.Text.Json, camelCase). Reading validates every
/// field and throws <see cref="RosterInputException"/> naming the field at fault.</summary>
public static partial class RosterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static RosterProblem ParseProblem(string json)
    {
        var problem = Deserialize<RosterProblem>(json, "problem");
        ProblemValidator.Validate(problem);
        return problem;
    }

    public static RosterSolution ParseSolution(string json) => Deserialize<RosterSolution>(json, "solution");

    public static string Write<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    private static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new RosterInputException("", $"the {what} is null");
        }
        catch (JsonException e)
        {
            throw new RosterInputException(FieldOf(e), Describe(e), e);
        }
    }

    private static string FieldOf(JsonException e)
    {
        var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        var missing = MissingProperty().Match(e.Message);
        if (missing.Success)
        {
            var name = missing.Groups[1].Value;
            return path.Length == 0 ? name : $"{path}.{name}";
        }
        var unmapped = UnmappedProperty().Match(e.Message);
        if (unmapped.Success && !path.EndsWith(unmapped.Groups[1].Value, StringComparison.Ordinal))
        {
            var name = unmapped.Groups[1].Value;
            return path.Length == 0 ? name : $"{path}.{name}";
        }
        return path;
    }

    private static string Describe(JsonException e)
    {
        if (MissingProperty().IsMatch(e.Message))
        {
            return "is required";
        }
        if (UnmappedProperty().IsMatch(e.Message))
        {
            return "is not a field of roster problem v1";
        }
        if (e.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("nullable", StringComparison.OrdinalIgnoreCase))
        {
            return "may not be null";
        }
        var converted = ConvertTo().Match(e.Message);
        if (converted.Success)
        {
            return converted.Groups[1].Value switch
            {
                "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "expected a whole number",
                "System.String" => "expected text",
                "System.Boolean" => "expected true or false",
                var t when t.StartsWith("System.Collections", StringComparison.Ordinal) => "expected a list or object",
                var t => string.Create(CultureInfo.InvariantCulture, $"has the wrong type (expected {t.Split('.')[^1]})"),
            };
        }
        return "is not valid JSON (" + e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ') + ")";
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("could not be converted to ([^ .]+(?:\\.[^ .]+)*)\\.")]
    private static partial Regex ConvertTo();
}
