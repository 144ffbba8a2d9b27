using System.Reflection;

namespace PaperAtlas.Cli;

/// <summary>The tool's version, which MinVer stamps from the git tag it was built at (see Directory.Build.props).</summary>
public static class ToolVersion
{
    /// <summary>The version with its build metadata, e.g. <c>0.2.0+3f7686e…</c>: what `atlas --version` prints.</summary>
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The package version, e.g. <c>0.2.0</c>: what a tool manifest pins.</summary>
    public static string Package => Informational.Split('+')[0];
}
