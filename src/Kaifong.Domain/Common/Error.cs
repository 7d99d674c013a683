namespace Kaifong.Domain.Common;

/// <summary>
/// An expected failure, as a value. <see cref="Code"/> is the stable API code (RFC 9457 extension);
/// <see cref="MessageKey"/> names the localised text; <see cref="Field"/> places it on a form.
/// </summary>
public sealed record Error(string Code, string MessageKey, ErrorKind Kind = ErrorKind.Validation, string? Field = null, params object[] Args)
{
    public Error WithField(string field) => this with { Field = field };
}

public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    Gone,
}

/// <summary>The result of a domain operation: a value or an error.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
