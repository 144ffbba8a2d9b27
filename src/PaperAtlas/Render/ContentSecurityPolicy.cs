using PaperAtlas.Load;

namespace PaperAtlas.Render;

/// <summary>
/// The Content-Security-Policy of every page (the layout's meta element) and of <c>atlas serve</c>'s answers (a header):
/// scripts, styles and fetches from the site alone, nothing embedded, and images from the site (or <c>data:</c>) unless
/// site.yml allows images from elsewhere (<see cref="SiteSettings.ExternalImages"/>).
/// </summary>
public static class ContentSecurityPolicy
{
    public static string For(SiteSettings settings) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + (settings.ExternalImages ? " https:" : "")
        + "; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
}
