namespace Kaifong.Rostering;

/// <summary>The problem (or a solution file) is malformed; <see cref="Field"/> names where, as a JSON path
/// such as <c>volunteers[2].maxMinutes</c>.</summary>
public sealed class RosterInputException : Exception
{
    public RosterInputException()
    {
        Field = "";
    }

    public RosterInputException(string message) : base(message)
    {
        Field = "";
    }

    public RosterInputException(string message, Exception innerException) : base(message, innerException)
    {
        Field = "";
    }

    public RosterInputException(string field, string problem, Exception? innerException = null)
        : base(field.Length == 0 ? problem : $"{field}: {problem}", innerException)
    {
        Field = field;
    }

    public string Field { get; }
}
