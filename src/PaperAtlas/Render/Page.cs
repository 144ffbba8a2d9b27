namespace PaperAtlas.Render;

/// <summary>
/// One page of the site: where it goes, the template that lays it out, what the layout says of it (<c>page</c>), and
/// how its model (<c>model</c>) is made. The model is made when asked for, so a page table costs little to hold.
/// </summary>
public sealed record Page(Route Route, string Template, PageView View, Func<object> Model);
