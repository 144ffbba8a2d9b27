using System.Net;
using System.Net.Sockets;

namespace PaperAtlas.BrowserTests;

/// <summary>A static file server on 127.0.0.1 for a built site, optionally under a base path (as GitHub Pages serves it).</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly Task _loop;

    public StaticServer(string root, string basePath = "/")
    {
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Each request on its own task: one slow or aborted request must not stall the others.
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var response = context.Response;
        string? file = null;
        if (path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(Path.Combine(_root, path[_basePath.Length..]));
            if (full.StartsWith(_root, StringComparison.Ordinal))
            {
                file = Directory.Exists(full) ? Path.Combine(full, "index.html") : full;
            }
        }

        try
        {
            if (file is null || !File.Exists(file))
            {
                response.StatusCode = 404;
                file = Path.Combine(_root, "404.html");
            }

            var bytes = File.ReadAllBytes(file);
            response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css",
                ".js" => "text/javascript",
                ".json" => "application/json",
                _ => "application/octet-stream",
            };
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The browser gave up on the request (navigation, cancelled fetch); nothing to answer.
            response.Abort();
            return;
        }

        try
        {
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Closed by the client first.
        }
    }

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
