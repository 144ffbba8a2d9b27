using System.Net;
using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Incremental;
using PaperAtlas.Render;
using PaperAtlas.Serve;

namespace PaperAtlas.Cli;

/// <summary>
/// <c>atlas serve</c>: builds the site, serves it on 127.0.0.1, rebuilds when content/ or the theme changes,
/// and tells each open page to reload, over server-sent events, as soon as its own page is written. Every rebuild runs the stages of <c>atlas build</c> with a
/// <see cref="BuildCache"/>: only the edited files are read again, and only pages whose model changed are rendered and written. The reload script is served from
/// <c>/__atlas/reload.js</c> and added to HTML responses only, never written into site/.
/// </summary>
/// <param name="nextFreePort">When <paramref name="port"/> is taken, serve on the next free one (and say so) rather than stop.</param>
public sealed class PreviewServer(BuildOptions options, int port, TextWriter log, bool nextFreePort = false) : IDisposable
{
    /// <summary>An open page reloads when a build has written its page (each event lists URLs; "*" is every page).</summary>
    private const string ReloadScript = """
        new EventSource('/__atlas/events').onmessage = function (event) {
          var written = event.data.split(' '), here = decodeURI(location.pathname).replace(/index\.html$/, '');
          if (written.indexOf('*') >= 0 || written.indexOf(here) >= 0) { location.reload(); }
        };

        """;

    /// <summary>How many ports after the default one are tried before giving up.</summary>
    private const int PortsToTry = 20;

    private HttpListener _listener = new();
    private readonly List<HttpListenerResponse> _clients = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private SiteBuilder? _site;
    private readonly StaticSite _files = new(options.OutputPath);
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
        StaticSite.Serve(_listener, Handle);
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
            Rebuild();
        }
#pragma warning disable CA1031 // A bug in one rebuild must not end the server: it is reported, and the last good site stays served.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CrashReport.Report(ex, ["serve"], log);
            log.WriteLine("still serving the last good site; save again to rebuild");
        }
    }

    /// <summary>Brings the site up to date with what the watchers saw (open pages are told as pages are written); true when the site was written.</summary>
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
            // Made on first use: its progress tells this server's open pages which pages were written.
            _site ??= new SiteBuilder(options, new BuildCache(), new BuildProgress(NotifyClients));
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

    /// <summary>Tells every open page which pages were written (one event, the URLs separated by spaces).</summary>
    private void NotifyClients(IReadOnlyList<string> urls)
    {
        var bytes = Encoding.UTF8.GetBytes($"data: {string.Join(' ', urls)}\n\n");
        lock (_gate)
        {
            foreach (var client in _clients.ToList())
            {
                try
                {
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
    /// Answers one request as <see cref="StaticSite"/> does, with the pages' Content-Security-Policy, the reload script
    /// added to HTML answers, and the server's own two paths: the reload script and the reload events.
    /// </summary>
    private void Handle(HttpListenerContext context)
    {
        context.Response.Headers["Content-Security-Policy"] = _policy;
        _files.Answer(context, Route, WithReload);
    }

    private bool Route(string path, bool head, HttpListenerResponse response)
    {
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

            return true;
        }

        if (path == "/__atlas/reload.js")
        {
            StaticSite.Send(response, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(ReloadScript), head);
            return true;
        }

        return false;
    }

    private static byte[] WithReload(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.Ordinal);
        return at < 0 ? html : Encoding.UTF8.GetBytes(text.Insert(at, "<script src=\"/__atlas/reload.js\"></script>\n"));
    }

    public void Dispose()
    {
        _debounce?.Dispose();
        _building.Dispose();
        ((IDisposable)_listener).Dispose();
    }
}
