using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Status;

/// <summary>Friendly pages for 400, 404, 403, 429 and 500, in the reader's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // After an exception the handler has already chosen the status (WebSetup.StatusFor): describe that one.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            code = Response.StatusCode;
        }

        var known = code is 400 or 403 or 404 or 429 or 500 ? code : 500;
        Title = l[$"Problem.{known}"];
        Message = l[$"Status.Message{known}"];
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = known;
        }
    }
}
