using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>
/// Absolute links for e-mails, invitations and calendar feeds: always the configured public address
/// (<see cref="KaifongOptions.PublicBaseUrl"/>, checked at start-up), never the request's Host header, which the sender controls.
/// </summary>
public sealed class Links(IOptions<KaifongOptions> options)
{
    public string Absolute(string path) =>
        options.Value.PublicBaseUrl.Trim().TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);

    public static string Invitation(string token) => $"/invite/{Uri.EscapeDataString(token)}";
}
