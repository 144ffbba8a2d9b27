using System.CommandLine;
using PaperAtlas.Write;

namespace PaperAtlas.Cli.Commands;

/// <summary>`atlas links`: every internal link of a built site must resolve (offline).</summary>
internal static class LinksCommand
{
    public static Command Create(CliContext cli)
    {
        var output = CommonOptions.Output("The built site to check");
        var baseUrl = new Option<string>("--base-url") { Description = "The base URL the site was built with (a path or a whole address)", DefaultValueFactory = _ => "/" };
        var command = new Command("links", "Check that every internal link of a built site resolves (offline)") { output, baseUrl };
        command.SetAction(parse =>
        {
            var broken = LinkChecker.Check(parse.GetValue(output)!, parse.GetValue(baseUrl)!);
            foreach (var link in broken)
            {
                cli.Stderr.WriteLine(link);
            }

            cli.Stdout.WriteLine($"{broken.Count} broken internal link(s)");
            return broken.Count == 0 ? AtlasCommand.Ok : AtlasCommand.ContentErrors;
        });
        return command;
    }
}
