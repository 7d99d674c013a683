using Kaifong.Domain.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaifong.Web.Features.Organisations;

public sealed class NewModel(OrganisationCommands commands, Problems problems) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? TimeZone { get; set; } = OrganisationRules.DefaultTimeZone;
        public string? DefaultLanguage { get; set; } = Domain.Common.Languages.Default;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (org, errors) = await commands.CreateAsync(User.RequiredUserId(),
            new CreateOrganisationRequest(Input.Name, Input.Slug, Input.TimeZone, Input.DefaultLanguage), HttpContext.RequestAborted);
        if (org is null)
        {
            problems.AddTo(ModelState, errors);
            return Page();
        }

        return Redirect($"/o/{org.Slug}");
    }
}
