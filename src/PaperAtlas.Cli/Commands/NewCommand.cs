using System.CommandLine;
using PaperAtlas.Contribute;

namespace PaperAtlas.Cli.Commands;

/// <summary>`atlas new`: a paper file to fill in, written from a commented template (no network needed).</summary>
internal static class NewCommand
{
    public static Command Create(CliContext cli)
    {
        var idArgument = new Argument<string>("arxiv-id-or-url") { Description = "An arXiv id (2501.12948) or arXiv URL" };
        var content = CommonOptions.Content();
        var command = new Command("new", "Write content/papers/<id>.md from a commented template (no network needed)") { idArgument, content };
        command.SetAction(parse =>
        {
            var contentPath = parse.GetValue(content)!;
            var analysis = SiteBuilder.Analyse(contentPath, drafts: true);
            var scaffold = PaperScaffold.Create(parse.GetValue(idArgument)!, contentPath, analysis.Graph);
            if (scaffold.Error is not null)
            {
                cli.Stderr.WriteLine($"atlas new: {scaffold.Error}");
                return AtlasCommand.UsageError;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(scaffold.Path)!);
            File.WriteAllText(scaffold.Path!, scaffold.Text);
            cli.Stdout.WriteLine($"wrote {scaffold.Path!.Replace('\\', '/')}: fill in the fields, then run `atlas check`");
            return AtlasCommand.Ok;
        });
        return command;
    }
}
