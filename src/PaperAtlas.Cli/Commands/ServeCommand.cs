using System.CommandLine;

namespace PaperAtlas.Cli.Commands;

/// <summary>`atlas serve`: build (drafts included), serve on 127.0.0.1, rebuild and reload on every change.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(CliContext cli)
    {
        var content = CommonOptions.Content();
        var output = CommonOptions.Output();
        var templates = CommonOptions.Templates();
        var port = new Option<int>("--port") { Description = $"The port to serve on (127.0.0.1 only); without it, {DefaultPort} or the next free port", DefaultValueFactory = _ => DefaultPort };
        var command = new Command("serve", "Build (drafts too), serve on 127.0.0.1, and rebuild and reload open pages when content or templates change") { content, output, templates, port };
        command.SetAction(parse =>
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(output)!, "/", parse.GetValue(templates), Drafts: true);

            // A port asked for is that port or nothing; the default one gives way to the next free port, as Hugo's does.
            var chosen = parse.GetResult(port) is { Implicit: false };
            using var server = new PreviewServer(options, parse.GetValue(port), cli.Stderr, nextFreePort: !chosen);
            return server.Run(cancel.Token);
        });
        return command;
    }
}
