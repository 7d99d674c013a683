using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>Absolute links for e-mails and invitations: the configured public address, else the request's own.</summary>
public sealed class Links(IOptions<KaifongOptions> options, IHttpContextAccessor accessor)
{
    public string Absolute(string path)
    {
        var configured = options.Value.PublicBaseUrl.TrimEnd('/');
        if (configured.Length == 0 && accessor.HttpContext is { } http)
        {
            configured = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        }

        return configured + (path.StartsWith('/') ? path : "/" + path);
    }

    public static string Invitation(string token) => $"/invite/{Uri.EscapeDataString(token)}";
}
