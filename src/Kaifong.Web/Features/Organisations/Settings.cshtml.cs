using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Organisations;

/// <summary>Admins: name, time zone, default language, and the PICS in each language.</summary>
public sealed class SettingsModel(OrganisationCommands commands, Problems problems, IStringLocalizer<SharedResource> l, Signups.PolicyCommands policies) : OrgPageModel
{
    public Problems Problems => problems;

    /// <summary>The filling policy as shown (the saved one, or what was typed when it was refused).</summary>
    public Domain.Signups.FillingPolicy Policy => typedPolicy ?? Signups.PolicyCommands.Of(Org.Organisation);

    public IReadOnlyList<Domain.Common.Error> PolicyErrors { get; private set; } = [];

    private Domain.Signups.FillingPolicy? typedPolicy;

    /// <summary>The limits, rest, confirmation window and late-cancellation cutoff (empty number boxes mean "none").</summary>
    public async Task<IActionResult> OnPostPolicyAsync(string? weeklyShiftLimit, string? monthlyShiftLimit, string? minRestMinutes, string? confirmationHours, string? lateCancellationHours, bool offerUnconfirmedPlaces)
    {
        var errors = new List<Domain.Common.Error>();
        int? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors.Add(new Domain.Common.Error("validation", "Error.Invalid", Field: field));
            return null;
        }

        var policy = new Domain.Signups.FillingPolicy(Number(weeklyShiftLimit, "weeklyShiftLimit"), Number(monthlyShiftLimit, "monthlyShiftLimit"),
            Number(minRestMinutes, "minRestMinutes") ?? 0, Number(confirmationHours, "confirmationHours"), Number(lateCancellationHours, "lateCancellationHours"), offerUnconfirmedPlaces);
        if (errors.Count == 0)
        {
            errors.AddRange(await policies.SetAsync(Org, policy, HttpContext.RequestAborted));
        }

        if (errors.Count > 0)
        {
            PolicyErrors = errors;
            typedPolicy = policy;
            Input = new(Org.Organisation.Name, Org.Organisation.TimeZone, Org.Organisation.DefaultLanguage);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return RedirectToPage();
    }

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
