namespace PaperAtlas.Diagnostics;

/// <summary>One finding about the content: what is wrong, where, and what to do about it.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string Help)
{
    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The compiler-style line `file:line:col: severity CODE: message (help)`.</summary>
    public override string ToString() =>
        $"{Location}: {SeverityName} {Code}: {Message}" + (Help.Length == 0 ? "" : $" — {Help}");
}
