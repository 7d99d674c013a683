using Kaifong.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Infrastructure;

/// <summary>
/// Expected failures become RFC 9457 problem details with a stable `code` and localised `title`/`detail`,
/// or form errors beside their fields. One mapping for the API and the pages.
/// </summary>
public sealed class Problems(IStringLocalizer<SharedResource> l)
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status400BadRequest,
    };

    public string Text(Error error) => l[error.MessageKey, error.Args];

    public ProblemHttpResult From(Error error)
    {
        if (error.Kind == ErrorKind.Validation)
        {
            return Validation([error]);
        }

        var status = StatusOf(error.Kind);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = l[$"Problem.{status}"],
            Detail = Text(error),
            Extensions = { ["code"] = error.Code },
        });
    }

    public ProblemHttpResult Validation(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        var byField = list
            .GroupBy(e => e.Field ?? "")
            .ToDictionary(g => g.Key, g => g.Select(Text).Distinct().ToArray());
        var code = list.Select(e => e.Code).FirstOrDefault(c => c != "validation") ?? "validation";
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = l["Problem.400"],
            Detail = list.Count == 1 ? Text(list[0]) : l["Problem.ValidationDetail"],
            Extensions = { ["code"] = code, ["errors"] = byField },
        });
    }

    /// <summary>A problem with an explicit status, for the few answers (401, 429) no domain error kind covers.</summary>
    public ProblemHttpResult WithStatus(int status, Error error) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = l[$"Problem.{status}"],
            Detail = Text(error),
            Extensions = { ["code"] = error.Code },
        });

    /// <summary>Several errors at once: the first that is not a validation error decides the status; else one 400 with every field.</summary>
    public ProblemHttpResult Of(IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.FirstOrDefault(e => e.Kind != ErrorKind.Validation) is { } decisive ? From(decisive) : Validation(errors);
    }

    public ProblemHttpResult NotFound() => From(new Error("not_found", "Error.NotFound", ErrorKind.NotFound));

    public ProblemHttpResult Forbidden() => From(new Error("forbidden", "Error.Forbidden", ErrorKind.Forbidden));

    /// <summary>Puts each error beside its form field (field names are the API's camelCase, prefixed as the page binds them).</summary>
    public void AddTo(ModelStateDictionary modelState, IEnumerable<Error> errors, string prefix = "Input")
    {
        foreach (var e in errors)
        {
            var key = e.Field is null ? "" : $"{prefix}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}";
            modelState.AddModelError(key, Text(e));
        }
    }
}
