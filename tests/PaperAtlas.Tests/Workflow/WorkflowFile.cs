using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PaperAtlas.Tests.Workflow;

/// <summary>A GitHub Actions workflow file, as much of it as running its steps needs.</summary>
internal sealed class WorkflowFile
{
    public Dictionary<string, string> Env { get; set; } = [];

    public Dictionary<string, Job> Jobs { get; set; } = [];

    public static WorkflowFile Read(string path) =>
        new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<WorkflowFile>(File.ReadAllText(path));

    internal sealed class Job
    {
        public Dictionary<string, string> Env { get; set; } = [];

        public List<Step> Steps { get; set; } = [];
    }

    internal sealed class Step
    {
        public string? Name { get; set; }

        public string? Uses { get; set; }

        public string? Run { get; set; }

        public string? If { get; set; }

        public string? Shell { get; set; }

        public string? WorkingDirectory { get; set; }

        public Dictionary<string, string> Env { get; set; } = [];

        public override string ToString() => Name ?? Uses ?? Run?.Split('\n')[0] ?? "a step";
    }
}
