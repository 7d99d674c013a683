using Kaifong.Domain.Organisations;
using Microsoft.Extensions.Localization;
using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Organisations;

/// <summary>
/// The Personal Information Collection Statement (PDPO DPP1) in the reader's language: the organisation's own text
/// where it has one, else Kaifong's standard statement naming the organisation.
/// </summary>
public static class Pics
{
    public static string For(Organisation? organisation, string language, IStringLocalizer<SharedResource> l) =>
        organisation?.CustomPics(language)
        ?? l["Pics.Standard", organisation?.Name ?? l["Pics.ThisService"]];
}
