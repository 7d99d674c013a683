using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Profile;

/// <summary>我: the person's own details, all but the name optional, with the PICS beside them.</summary>
public sealed class IndexModel(ProfileCommands profiles, Problems problems, SignInManager<Kaifong.Data.KaifongUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Language { get; set; }
        public string? Phone { get; set; }
        public string? District { get; set; }
        public string? Skills { get; set; }
        public bool LargeText { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public string PicsText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await profiles.GetAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } me)
        {
            return NotFound();
        }

        Show(me);
        Input = new InputModel
        {
            DisplayName = me.DisplayName,
            Language = me.Language,
            Phone = me.Phone is { } p ? Domain.People.PhoneNumberRules.Display(p) : null,
            District = me.District,
            Skills = string.Join("、", me.Skills),
            LargeText = me.LargeText,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var skills = (Input.Skills ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var (user, errors) = await profiles.UpdateAsync(User.RequiredUserId(),
            new ProfileRequest(Input.DisplayName, Input.Language, Input.Phone, Input.District, [.. skills], Input.LargeText), HttpContext.RequestAborted);
        if (user is null)
        {
            problems.AddTo(ModelState, errors);
            if (await profiles.GetAsync(User.RequiredUserId(), HttpContext.RequestAborted) is { } me)
            {
                Show(me);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        LanguageCookie.Set(Response, user.Language);
        TempData["Flash"] = l.WithLanguage(user.Language, "Common.Saved");
        return RedirectToPage();
    }

    private void Show(MeDto me)
    {
        Email = me.Email;
        TwoFactorEnabled = me.TwoFactorEnabled;
        PicsText = Pics.For(null, Localisation.CurrentLanguage, l);
    }
}
