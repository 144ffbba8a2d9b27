using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Metadata;

/// <summary>Runs alone, after the tests that run side by side: the network events it listens to are the whole process's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OfflineTests
{
    public const string Name = "offline";
}

/// <summary>The build reads the stored metadata and never the network: no socket is opened, no name looked up, no HTTP request made.</summary>
[Collection(OfflineTests.Name)]
public sealed class OfflineBuildTests(FetchedRealAtlas atlas) : IClassFixture<FetchedRealAtlas>
{
    [Fact]
    public async Task A_build_of_fetched_metadata_opens_no_network_connection()
    {
        using var network = new NetworkEvents();

        // The listener hears a connection when there is one: a loopback connect, as a fetch makes.
        var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)server.LocalEndpoint).Port);
        }

        server.Stop();
        Assert.Contains(network.Take(), e => e.StartsWith("System.Net.Sockets/Connect", StringComparison.Ordinal));

        using var site = new BuiltSite(atlas.Content);

        Assert.True(site.Result.Written);
        Assert.Empty(network.Take());
    }

    /// <summary>Every event of .NET's network event sources (sockets, name resolution, HTTP) while it lives.</summary>
    private sealed class NetworkEvents : EventListener
    {
        private static readonly string[] Sources = ["System.Net.Sockets", "System.Net.NameResolution", "System.Net.Http"];

        // Initialised before the base constructor, which announces the sources that exist already.
        private readonly ConcurrentQueue<string> _events = new();

        public List<string> Take()
        {
            var taken = new List<string>();
            while (_events.TryDequeue(out var e))
            {
                taken.Add(e);
            }

            return taken;
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (Sources.Contains(eventSource.Name))
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not null && eventData.EventName != "EventCounters")
            {
                _events.Enqueue($"{eventData.EventSource.Name}/{eventData.EventName}");
            }
        }
    }
}
