namespace PaperAtlas.Diagnostics;

/// <summary>Collects diagnostics from any thread; bad content is reported here, never thrown.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_gate)
        {
            _items.AddRange(diagnostics);
        }
    }

    public void Add(Severity severity, string code, SourceLocation location, string message, string help) =>
        Add(new Diagnostic(severity, code, message, location, help));

    public void Error(string code, SourceLocation location, string message, string help) =>
        Add(Severity.Error, code, location, message, help);

    public void Warning(string code, SourceLocation location, string message, string help) =>
        Add(Severity.Warning, code, location, message, help);

    public void Info(string code, SourceLocation location, string message, string help) =>
        Add(Severity.Info, code, location, message, help);

    /// <summary>Diagnostics in a stable order (file, line, column, code), so output never depends on thread timing.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_gate)
        {
            return [.. _items
                .Distinct()
                .OrderBy(d => d.Location.File, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
