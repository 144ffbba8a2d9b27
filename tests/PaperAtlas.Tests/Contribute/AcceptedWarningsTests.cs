using PaperAtlas.Diagnostics;

namespace PaperAtlas.Tests.Contribute;

/// <summary>content/accepted-warnings.yml: a maintainer accepts a list author's warning by file, code and text.</summary>
public sealed class AcceptedWarningsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Content => _temp.PathOf("content");

    private Diagnostic At(Severity severity, string code, string file, int line, string message) =>
        new(severity, code, message, new SourceLocation(Content.Replace('\\', '/') + "/" + file, line, 1), "fix it");

    private Diagnostic Timeline2023 => At(Severity.Warning, DiagnosticCodes.YearMismatch, "lists/timeline.md", 80, "the list 'timeline' dates 2201.11903 2023, but the arXiv id says 2022/01");

    private void Accept(params string[] lines) => _temp.Write("content/" + AcceptedWarnings.FileName, Fixtures.Lines(lines));

    private static readonly string[] AcceptTimeline2023 =
        ["accepted:", "  - file: lists/timeline.md", "    code: PA302", "    match: \"dates 2201.11903 2023,\"", "    reason: the list's own date"];

    [Fact]
    public void An_accepted_warning_becomes_info_that_says_why()
    {
        Accept(AcceptTimeline2023);

        var (diagnostics, accepted) = AcceptedWarnings.Apply(Content, [Timeline2023]);

        var info = Assert.Single(diagnostics);
        Assert.Equal((Severity.Info, DiagnosticCodes.YearMismatch, 1), (info.Severity, info.Code, accepted));
        Assert.Equal(Timeline2023.Message, info.Message);
        Assert.EndsWith($"/{AcceptedWarnings.FileName}: the list's own date", info.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_serve_and_check_see_the_same_accepted_warning_as_info()
    {
        var content = _temp.CopyFrom(Paths.Seed(), "seed");
        _temp.Write("seed/" + AcceptedWarnings.FileName, Fixtures.Lines(
            ["accepted:", "  - file: lists/llm-paper-timeline.md", "    code: PA302", "    match: \"dates 2201.11903 2023,\"", "    reason: the list's own date"]));

        var built = SiteBuilder.Build(new BuildOptions(content, _temp.PathOf("site")));

        var warning = Assert.Single(built.Analysis.Diagnostics, d => d.Code == DiagnosticCodes.YearMismatch && d.Message.Contains("2201.11903", StringComparison.Ordinal));
        Assert.Equal((Severity.Info, 1), (warning.Severity, built.Analysis.AcceptedWarnings));
        Assert.Equal(built.Analysis.Diagnostics, SiteBuilder.Analyse(content).Diagnostics);
    }

    [Fact]
    public void An_entry_accepts_no_warning_of_another_file_code_or_text()
    {
        Accept(AcceptTimeline2023);
        Diagnostic[] others =
        [
            At(Severity.Warning, DiagnosticCodes.YearMismatch, "lists/notes.md", 80, Timeline2023.Message),
            At(Severity.Warning, DiagnosticCodes.TitleConflict, "lists/timeline.md", 80, Timeline2023.Message),
            At(Severity.Warning, DiagnosticCodes.YearMismatch, "lists/timeline.md", 81, "the list 'timeline' dates 2205.11916 2023, but the arXiv id says 2022/05"),
        ];

        var (diagnostics, accepted) = AcceptedWarnings.Apply(Content, [Timeline2023, .. others]);

        Assert.Equal(1, accepted);
        Assert.Equal(3, diagnostics.Count(d => d.Severity == Severity.Warning && others.Contains(d)));
    }

    [Fact]
    public void An_error_is_never_accepted()
    {
        Accept(AcceptTimeline2023);
        var error = Timeline2023 with { Severity = Severity.Error };

        var (diagnostics, accepted) = AcceptedWarnings.Apply(Content, [error]);

        Assert.Equal(0, accepted);
        Assert.Contains(error, diagnostics);
    }

    [Fact]
    public void An_entry_that_accepts_nothing_is_a_PA318_warning_on_its_line()
    {
        Accept(AcceptTimeline2023);

        var (diagnostics, _) = AcceptedWarnings.Apply(Content, []);

        var stale = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.AcceptedWarningGone, 2), (stale.Severity, stale.Code, stale.Location.Line));
        Assert.EndsWith("/" + AcceptedWarnings.FileName, stale.Location.File, StringComparison.Ordinal);
        Assert.Contains("remove the entry", stale.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_reason_is_a_PA115_error_and_accepts_nothing()
    {
        Accept(AcceptTimeline2023[..^1]);

        var (diagnostics, accepted) = AcceptedWarnings.Apply(Content, [Timeline2023]);

        Assert.Equal(0, accepted);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.AcceptedWarningsInvalid);
        Assert.Equal((Severity.Error, 2), (error.Severity, error.Location.Line));
        Assert.Contains("`reason`", error.Message, StringComparison.Ordinal);
        Assert.Contains(Timeline2023, diagnostics);
    }

    [Fact]
    public void An_unknown_field_is_a_PA115_error_on_its_line()
    {
        Accept([.. AcceptTimeline2023, "    until: 2027"]);

        var error = Assert.Single(AcceptedWarnings.Apply(Content, [Timeline2023]).Diagnostics, d => d.Code == DiagnosticCodes.AcceptedWarningsInvalid);

        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void A_file_without_an_accepted_list_is_a_PA115_error()
    {
        Accept("- lists/timeline.md");

        Assert.Contains(AcceptedWarnings.Apply(Content, []).Diagnostics, d => d.Code is DiagnosticCodes.AcceptedWarningsInvalid or DiagnosticCodes.FrontMatterSyntax);
    }

    [Fact]
    public void Without_the_file_every_diagnostic_stays_as_it_was()
    {
        Directory.CreateDirectory(Content);

        var (diagnostics, accepted) = AcceptedWarnings.Apply(Content, [Timeline2023]);

        Assert.Equal([Timeline2023], diagnostics);
        Assert.Equal(0, accepted);
    }
}
