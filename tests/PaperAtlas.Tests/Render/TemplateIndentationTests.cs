using PaperAtlas.Render;
using Scriban;

namespace PaperAtlas.Tests.Render;

/// <summary>A template's indentation is the theme author's: pages go out without it, and without any other change.</summary>
public sealed class TemplateIndentationTests
{
    private static string Render(string text, object? model = null)
    {
        var template = Template.Parse(text);
        TemplateIndentation.Strip(template);
        return template.Render(model);
    }

    [Fact]
    public void Indentation_goes_and_line_breaks_stay()
    {
        Assert.Equal("<ul>\n<li>a</li>\n</ul>", Render("<ul>\n    <li>a</li>\n</ul>"));
    }

    [Fact]
    public void Lines_that_open_with_a_code_block_lose_their_indentation_too()
    {
        Assert.Equal("<dl>\n<dt>x</dt>\n<dt>y</dt>\n</dl>", Render("<dl>\n  {{ if true }}<dt>x</dt>{{ end }}\n  {{ if true }}<dt>y</dt>{{ end }}\n</dl>"));
    }

    [Fact]
    public void Rows_of_a_loop_whose_tags_trim_their_line_lose_their_indentation()
    {
        Assert.Equal("<tbody>\n<tr>1</tr>\n<tr>2</tr>\n</tbody>", Render("<tbody>\n{{~ for i in [1, 2] ~}}\n    <tr>{{ i }}</tr>\n{{~ end ~}}\n</tbody>"));
    }

    [Fact]
    public void Text_inside_pre_and_textarea_keeps_its_spaces()
    {
        Assert.Equal("<pre>\n  a\n    b</pre>\n<p>\n<textarea>\n  c</textarea>", Render("<pre>\n  a\n    {{ 'b' }}</pre>\n  <p>\n  <textarea>\n  c</textarea>"));
    }

    [Fact]
    public void What_an_expression_prints_keeps_its_spaces()
    {
        Assert.Equal("<p>\n  value\n    indented</p>", Render("<p>\n  {{ x }}</p>", new { x = "  value\n    indented" }));
    }

    [Fact]
    public void Text_a_trimming_tag_joins_to_a_printed_value_keeps_the_space_between_them()
    {
        Assert.Equal("a b", Render("{{ 'a' ~}}\n b"));
    }
}
