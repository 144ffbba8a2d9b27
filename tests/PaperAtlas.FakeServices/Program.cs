using PaperAtlas;
using PaperAtlas.FakeServices;

// Starts the fakes by hand, for trying `atlas fetch` without the network:
//   dotnet run --project tests/PaperAtlas.FakeServices -- [--port 8321] [--content content] [--arxiv-faults 429=2,500] [--s2-faults 429,truncated] [--unknown 1706.03762]
// They know every arXiv paper of the content folder (the real ones in FakeCatalogue.Real as they are, the others made
// up), answer the scripted faults first, and print one line per request until stopped.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

var content = options.GetValueOrDefault("--content", "content");
var unknown = options.GetValueOrDefault("--unknown", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
var ids = SiteBuilder.Analyse(content).Graph.Papers.Select(p => p.ArxivId).OfType<string>();
var catalogue = FakeCatalogue.Synthetic(ids, FakeCatalogue.Real);
catalogue = new FakeCatalogue(catalogue.Papers.Select(p => unknown.Contains(p.ArxivId ?? "") ? p with { KnownToArxiv = false, KnownToScholar = false } : p));
using var fakes = new FakeServices(catalogue, port: int.Parse(options.GetValueOrDefault("--port", "0"), System.Globalization.CultureInfo.InvariantCulture), log: Console.WriteLine);
fakes.Fail(FakeServices.Arxiv, [.. options.GetValueOrDefault("--arxiv-faults", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Fault.Parse)]);
fakes.Fail(FakeServices.Scholar, [.. options.GetValueOrDefault("--s2-faults", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Fault.Parse)]);
Console.WriteLine($"{catalogue.Papers.Count} papers known; run: atlas fetch --content {content} --arxiv-api {fakes.ArxivApi} --s2-api {fakes.ScholarApi}");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopped");
}
