using PaperAtlas.Cli;

return AtlasCommand.Run(args, Console.Out, Console.Error);
