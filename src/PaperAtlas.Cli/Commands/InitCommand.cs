using System.CommandLine;
using PaperAtlas.Init;

namespace PaperAtlas.Cli.Commands;

/// <summary>`atlas init [DIR]`: a new atlas in an empty folder, ready for `atlas serve`.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var folder = new Argument<string>("folder") { Description = "Where to write the new atlas: a new or empty folder", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Start a new atlas: settings, topics, an example list, CI and deploy workflows, README") { folder };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(folder)!;
            var result = NewAtlas.Write(target, ToolVersion.Package);
            if (result.Error is not null)
            {
                cli.Stderr.WriteLine($"atlas init: {result.Error}");
                return AtlasCommand.UsageError;
            }

            var shown = target.Replace('\\', '/').TrimEnd('/');
            foreach (var file in result.Files)
            {
                cli.Stdout.WriteLine($"  {file}");
            }

            var enter = shown is "" or "." ? "" : $"cd {shown} && ";
            cli.Stdout.WriteLine($"wrote a new atlas in {(shown is "" or "." ? "this folder" : shown + "/")}; next: {enter}atlas serve (then add lists to content/lists/)");
            return AtlasCommand.Ok;
        });
        return command;
    }
}
