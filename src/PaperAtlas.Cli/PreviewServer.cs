using System.Net;
using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Incremental;
using PaperAtlas.Render;

namespace PaperAtlas.Cli;

/// <summary>
/// <c>atlas serve</c>: builds the site, serves it on 127.0.0.1, rebuilds when content/ or the theme changes,
/// and tells open pages to reload over server-sent events. Every rebuild runs the stages of <c>atlas build</c> with a
/// <see cref="BuildCache"/>: only the edited files are read again, and only pages whose model changed are rendered and written. The reload script is served from
/// <c>/__atlas/reload.js</c> and added to HTML responses only, never written into site/.
/// </summary>
/// <param name="nextFreePort">When <paramref name="port"/> is taken, serve on the next free one (and say so) rather than stop.</param>
public sealed class PreviewServer(BuildOptions options, int port, TextWriter log, bool nextFreePort = false) : IDisposable
{
    private const string ReloadScript = "new EventSource('/__atlas/events').onmessage = function () { location.reload(); };\n";

    /// <summary>How many ports after the default one are tried before giving up.</summary>
    private const int PortsToTry = 20;

    private HttpListener _listener = new();
    private readonly List<HttpListenerResponse> _clients = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly SiteBuilder _site = new(options, new BuildCache());
    private string _themeFolder = "";
    private string _policy = ContentSecurityPolicy.For(Load.SiteSettings.Default);
    private readonly HashSet<string> _changedFiles = new(StringComparer.Ordinal);
    private bool _scanAll;
    private bool _themeChanged;
    private Timer? _debounce;

    public string Url => $"http://127.0.0.1:{port}/";

    /// <summary>Listens first, so that a busy port stops nothing and touches no site; then builds, watches and serves until cancelled.</summary>
    /// <returns><see cref="AtlasCommand.UsageError"/> when the port is taken (or no port near it is free), else <see cref="AtlasCommand.Ok"/>.</returns>
    public int Run(CancellationToken cancel)
    {
        var asked = port;
        if (!Listen())
        {
            log.WriteLine(nextFreePort
                ? $"atlas serve: ports {asked} to {asked + PortsToTry - 1} are all in use; choose a free one with --port"
                : $"atlas serve: port {asked} is in use (another atlas serve?); stop that, or choose another port with --port, e.g. --port {asked + 1}");
            return AtlasCommand.UsageError;
        }

        if (port != asked)
        {
            log.WriteLine($"port {asked} is in use, so this serves on port {port} (choose one with --port)");
        }

        if (!Rebuild())
        {
            log.WriteLine("serving the last good site; fix the errors above and save to rebuild");
        }

        using var contentWatcher = Watch(options.ContentPath, theme: false);
        using var themeWatcher = Watch(_themeFolder, theme: true);
        log.WriteLine($"serving {options.OutputPath} at {Url} — edits to content/ and templates/ rebuild and reload; Ctrl+C stops");
        cancel.Register(() => _listener.Stop());
        while (!cancel.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (HttpListenerException) when (cancel.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            _ = Task.Run(() => Handle(context), CancellationToken.None);
        }

        return AtlasCommand.Ok;
    }

    /// <summary>Starts listening on <c>port</c>, or, with <c>nextFreePort</c>, on the first free port after it; false when none is free.</summary>
    private bool Listen()
    {
        for (var attempt = 0; attempt < (nextFreePort ? PortsToTry : 1); attempt++)
        {
            try
            {
                _listener.Prefixes.Add(Url);
                _listener.Start();
                return true;
            }
            catch (HttpListenerException)
            {
                // A listener that failed to start cannot be started again: the next port gets a new one.
                ((IDisposable)_listener).Dispose();
                _listener = new HttpListener();
                port++;
            }
        }

        return false;
    }

    private FileSystemWatcher? Watch(string folder, bool theme)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var root = Path.GetFullPath(folder);
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void Changed(params string[] paths)
        {
            lock (_gate)
            {
                if (theme)
                {
                    _themeChanged = true;
                }
                else
                {
                    _changedFiles.UnionWith(paths.Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')));
                }
            }

            Schedule();
        }

        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => Changed(e.OldFullPath, e.FullPath);

        // The watcher's buffer overflowed: some events are lost, so look at every file.
        watcher.Error += (_, _) =>
        {
            lock (_gate)
            {
                _scanAll = true;
            }

            Schedule();
        };
        return watcher;
    }

    /// <summary>
    /// Editors save in bursts (temp file, rename, touch); one rebuild 40 ms after the last event. Short, because an
    /// incremental rebuild takes tens of milliseconds and the wait is part of what the person editing sees.
    /// </summary>
    private void Schedule()
    {
        lock (_gate)
        {
            _debounce?.Dispose();
            _debounce = new Timer(_ => RebuildAndReload(), null, 40, Timeout.Infinite);
        }
    }

    private void RebuildAndReload()
    {
        try
        {
            if (Rebuild())
            {
                NotifyClients();
            }
        }
#pragma warning disable CA1031 // A bug in one rebuild must not end the server: it is reported, and the last good site stays served.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CrashReport.Report(ex, ["serve"], log);
            log.WriteLine("still serving the last good site; save again to rebuild");
        }
    }

    /// <summary>Brings the site up to date with what the watchers saw; true when pages changed and open pages should reload.</summary>
    private bool Rebuild()
    {
        _building.Wait();
        try
        {
            IReadOnlyCollection<string>? files;
            bool theme;
            lock (_gate)
            {
                files = _scanAll ? null : [.. _changedFiles];
                theme = _themeChanged;
                _changedFiles.Clear();
                (_scanAll, _themeChanged) = (false, false);
            }

            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = _site.Build(files, theme);
            if (!result.Changed)
            {
                return false;
            }

            var content = result.Analysis.Content;
            (_themeFolder, _policy) = (SiteBuilder.ThemeFolder(options, content), ContentSecurityPolicy.For(content.Settings));
            DiagnosticPrinter.Print(Normalise.DiagnosticSummary.Summarise([.. result.Analysis.Diagnostics.Where(d => d.Severity != Severity.Info)]), "text", log);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            log.WriteLine(result.Written
                ? $"rendered {result.Rendered} pages, wrote {result.Files} changed files in {elapsed:F0} ms"
                : "build failed; the previous site is still served");
            return result.Written;
        }
        finally
        {
            _building.Release();
        }
    }

    private void NotifyClients()
    {
        lock (_gate)
        {
            foreach (var client in _clients.ToList())
            {
                try
                {
                    var bytes = Encoding.UTF8.GetBytes("data: reload\n\n");
                    client.OutputStream.Write(bytes);
                    client.OutputStream.Flush();
                }
                catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException)
                {
                    _clients.Remove(client);
                }
            }
        }
    }

    /// <summary>
    /// Answers one request. Only GET and HEAD (405 otherwise); a path that is not a plain path inside the site (a NUL,
    /// a control character, a backslash, a dot segment) is answered 400 and the connection closed; a file reached
    /// through a link is never served. Every answer says nosniff and carries the pages' Content-Security-Policy.
    /// </summary>
    private void Handle(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["Content-Security-Policy"] = _policy;
            var method = context.Request.HttpMethod;
            if (method is not ("GET" or "HEAD"))
            {
                response.Headers["Allow"] = "GET, HEAD";
                Send(response, 405, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("only GET and HEAD"), head: false);
                return;
            }

            var head = method == "HEAD";
            if (PathOf(context.Request) is not { } path)
            {
                response.KeepAlive = false;
                Send(response, 400, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("bad path"), head);
                return;
            }

            if (path == "/__atlas/events" && !head)
            {
                response.ContentType = "text/event-stream";
                response.SendChunked = true;
                response.OutputStream.Write(Encoding.UTF8.GetBytes(": connected\n\n"));
                response.OutputStream.Flush();
                lock (_gate)
                {
                    _clients.Add(response);
                }

                return;
            }

            if (path == "/__atlas/reload.js")
            {
                Send(response, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(ReloadScript), head);
                return;
            }

            var file = Resolve(path);
            if (file is null)
            {
                var notFound = Resolve("/404.html");
                Send(response, 404, "text/html; charset=utf-8", notFound is not null ? WithReload(File.ReadAllBytes(notFound)) : Encoding.UTF8.GetBytes("not found"), head);
                return;
            }

            var bytes = File.ReadAllBytes(file);
            var type = ContentType(file);
            Send(response, 200, type, type.StartsWith("text/html", StringComparison.Ordinal) ? WithReload(bytes) : bytes, head);
        }
#pragma warning disable CA1031 // One request's failure must never leave its connection open or stop the server.
        catch (Exception)
#pragma warning restore CA1031
        {
            response.Abort();
        }
    }

    /// <summary>The request's path, unescaped; null when it is not a plain path (see <see cref="Handle"/>).</summary>
    private static string? PathOf(HttpListenerRequest request)
    {
        var raw = request.Url?.AbsolutePath ?? "/";
        string path;
        try
        {
            path = Uri.UnescapeDataString(raw);
        }
        catch (UriFormatException)
        {
            return null;
        }

        var plain = path.StartsWith('/') && !path.Any(c => char.IsControl(c) || c is '\\' or '\uFFFD')
            && path.Split('/').All(segment => segment is not ("." or ".."));
        return plain ? path : null;
    }

    /// <summary>Maps a URL path to a regular file inside the output folder reached through no link; null otherwise.</summary>
    private string? Resolve(string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputPath));
        var relative = path.Trim('/');
        if (relative.Length == 0 || Directory.Exists(Path.Combine(root, relative)))
        {
            relative = relative.Length == 0 ? "index.html" : relative + "/index.html";
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));

        // With the separator: "/site2/x" must not pass as inside "/site".
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return Load.ContentFiles.IsPlainFile(root, relative, ".", new DiagnosticBag()) ? full : null;
    }

    private static byte[] WithReload(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.Ordinal);
        return at < 0 ? html : Encoding.UTF8.GetBytes(text.Insert(at, "<script src=\"/__atlas/reload.js\"></script>\n"));
    }

    /// <param name="head">A HEAD request: the headers of the answer, without its body.</param>
    private static void Send(HttpListenerResponse response, int status, string type, byte[] body, bool head)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = body.Length;
        if (!head)
        {
            response.OutputStream.Write(body);
        }

        response.Close();
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".txt" or ".bib" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    public void Dispose()
    {
        _debounce?.Dispose();
        _building.Dispose();
        ((IDisposable)_listener).Dispose();
    }
}
