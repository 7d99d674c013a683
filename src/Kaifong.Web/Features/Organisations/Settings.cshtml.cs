using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Organisations;

/// <summary>Admins: name, time zone, default language, and the PICS in each language.</summary>
public sealed class SettingsModel(OrganisationCommands commands, Problems problems, IStringLocalizer<SharedResource> l) : OrgPageModel
{
    protected override Need Requires => Need.Admin;

    [BindProperty]
    public UpdateOrganisationRequest Input { get; set; } = new(null, null, null);

    public string? PicsLanguage { get; private set; }

    public void OnGet() => Input = new(Org.Organisation.Name, Org.Organisation.TimeZone, Org.Organisation.DefaultLanguage);

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await commands.UpdateAsync(Org, Input, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            problems.AddTo(ModelState, errors);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPicsAsync(string? language, string? text)
    {
        var errors = await commands.SetPicsAsync(Org, language, text, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            PicsLanguage = language;
            foreach (var e in errors)
            {
                ModelState.AddModelError("", problems.Text(e));
            }

            Input = new(Org.Organisation.Name, Org.Organisation.TimeZone, Org.Organisation.DefaultLanguage);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return RedirectToPage();
    }
}
