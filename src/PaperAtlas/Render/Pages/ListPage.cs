using PaperAtlas.Graph;

namespace PaperAtlas.Render.Pages;

/// <summary>A list's page: the list as its author wrote it, each entry linked to its paper's page.</summary>
internal static class ListPage
{
    public static Page For(SiteModels site, SourceList list)
    {
        var route = site.Routes.List(list.Id);
        return new Page(route, "list", new PageView(list.Title, "list", route.Url, list.Info.Description), () => Model(site, list));
    }

    private static ListView Model(SiteModels site, SourceList list)
    {
        var input = ListPageHtml.Input(list, site.Graph, site.Routes, site.Text("paper_page", "paper"), site.Lang, site.Settings.ExternalImages);
        if (list.OwnSections.IsEmpty)
        {
            return new ListView(site.Summary(list), new LazyHtml<ListBody>(input, ListPageHtml.Render), [], []);
        }

        // The section chips link to the ids the body gives its headings, so a list with sections of its own is made now.
        var body = ListPageHtml.RenderBody(input);
        var sections = new ListSectionChips(list, body);
        return new ListView(site.Summary(list), body.Html, sections.Sections, [.. site.Graph.InList(list.Id).Select(p => sections.Row(site.Row(p.Id)))]);
    }
}
