using System.Globalization;
using PaperAtlas.Graph;

namespace PaperAtlas.Render.Pages;

/// <summary>The pages that show papers as rows: the overview, every paper, topics, years and lists, and one topic's and one year's page.</summary>
internal static class OverviewPages
{
    public static IEnumerable<Page> For(SiteModels site)
    {
        var routes = site.Routes;
        var settings = site.Settings;
        var graph = site.Graph;
        yield return new Page(routes.Home, "home", new PageView(settings.ShownTitle, "home", routes.Home.Url, settings.Description), () => Home(site));
        yield return Titled(site, routes.Papers, "papers", () => graph.Papers.Select(p => site.Row(p.Id)).ToEquatableArray());
        yield return Titled(site, routes.Topics, "topics", () => site.Chips.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray());
        yield return Titled(site, routes.Years, "years", () => site.Timeline());
        yield return Titled(site, routes.Lists, "lists", () => graph.Lists.Select(site.Summary).ToEquatableArray());
    }

    /// <summary>A page titled by the theme's word for its template.</summary>
    public static Page Titled(SiteModels site, Route route, string template, Func<object> model, string? key = null) =>
        new(route, template, new PageView(site.Text(key ?? template, key ?? template), key ?? template, route.Url, ""), model);

    public static IEnumerable<Page> Topics(SiteModels site) => site.Graph.Topics.Select(topic =>
    {
        var route = site.Routes.Topic(topic.Id);
        return new Page(route, "topic", new PageView($"{topic.Name} · {topic.NameZh}", "topic", route.Url, topic.Description), () => Topic(site, topic));
    });

    public static IEnumerable<Page> Years(SiteModels site)
    {
        var years = site.Graph.Years;
        return years.Select((year, i) =>
        {
            var route = site.Routes.Year(year);
            return new Page(route, "year", new PageView(year.ToString(CultureInfo.InvariantCulture), "year", route.Url, ""), () => new YearView(
                year, [.. site.Graph.InYear(year).Select(p => site.Row(p.Id))], i > 0 ? years[i - 1] : null, i + 1 < years.Length ? years[i + 1] : null));
        });
    }

    private static HomeView Home(SiteModels site)
    {
        var graph = site.Graph;
        return new HomeView(
            graph.Papers.Length,
            graph.Topics.Length,
            graph.Lists.Length,
            graph.Papers.Sum(p => p.Mentions.Length),
            [.. site.Chips.Where(t => t.Count > 0).OrderByDescending(t => t.Count).ThenBy(t => t.Id, StringComparer.Ordinal)],
            [.. Feeds.Newest(graph, 12).Select(p => site.Row(p.Id))],
            site.Timeline(),
            [.. graph.Lists.Select(site.Summary)],
            site.Paths);
    }

    private static TopicView Topic(SiteModels site, Topic topic)
    {
        var notes = site.Graph.NotesOn(topic.Id)
            .Select(note => (Note: note, List: site.Graph.FindList(note.ListId)!))
            .Select(x => new TopicNoteView(x.List.Title, site.Routes.List(x.List.Id).Url + "#" + x.Note.Anchor, x.Note.Section.Title,
                Notes.Of(x.Note.Note, site.Settings.ExternalImages, x.List.Info.Lang), x.List.Info.Lang))
            .ToEquatableArray();
        return new TopicView(site.Chip(topic.Id), topic.Description, [.. site.Graph.InTopic(topic.Id).Select(p => site.Row(p.Id))], notes);
    }
}
