namespace PaperAtlas.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
