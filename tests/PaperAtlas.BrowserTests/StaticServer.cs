using System.Net;
using System.Net.Sockets;
using PaperAtlas.Serve;

namespace PaperAtlas.BrowserTests;

/// <summary>A built site served on 127.0.0.1 by the <see cref="StaticSite"/> `atlas serve` uses, optionally under a base path (as GitHub Pages serves it).</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public StaticServer(string root, string basePath = "/")
    {
        var site = new StaticSite(root, basePath);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(() => StaticSite.Serve(_listener, context => site.Answer(context)));
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }
}
