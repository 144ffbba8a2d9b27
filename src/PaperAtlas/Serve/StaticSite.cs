using System.Net;
using System.Text;

namespace PaperAtlas.Serve;

/// <summary>
/// A built site served from its folder on 127.0.0.1, as <c>atlas serve</c> and the browser tests serve it: a request's
/// path, under the base path, names a plain file inside the folder (a folder's index.html), never one reached through a
/// link or outside the folder; anything else is the site's 404 page.
/// </summary>
/// <param name="basePath">The path the site is served under (<c>/paper-atlas/</c> as GitHub Pages serves it); <c>/</c> by default.</param>
public sealed class StaticSite(string folder, string basePath = "/")
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>Accepts requests until the listener stops, each answered on a task of its own so that a slow one stalls no other.</summary>
    public static void Serve(HttpListener listener, Action<HttpListenerContext> answer)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = listener.GetContext();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => answer(context));
        }
    }

    /// <summary>
    /// Answers one request: only GET and HEAD (405 otherwise); a path that is not a plain path (a NUL, a control
    /// character, a backslash, a dot segment) is 400 and the connection closed; a file of the site is 200, anything
    /// else the site's 404 page. Every answer says nosniff and is not cached.
    /// </summary>
    /// <param name="route">Answers a path of its own first (the preview server's reload script); true when it did.</param>
    /// <param name="html">Changes an HTML page's bytes before they are sent (the preview server adds its reload script).</param>
    public void Answer(HttpListenerContext context, Func<string, bool, HttpListenerResponse, bool>? route = null, Func<byte[], byte[]>? html = null)
    {
        var response = context.Response;
        try
        {
            response.Headers["X-Content-Type-Options"] = "nosniff";
            var method = context.Request.HttpMethod;
            if (method is not ("GET" or "HEAD"))
            {
                response.Headers["Allow"] = "GET, HEAD";
                Send(response, 405, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("only GET and HEAD"), head: false);
                return;
            }

            var head = method == "HEAD";
            if (PathOf(context.Request.Url) is not { } path)
            {
                response.KeepAlive = false;
                Send(response, 400, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("bad path"), head);
                return;
            }

            if (route?.Invoke(path, head, response) == true)
            {
                return;
            }

            html ??= bytes => bytes;
            if (FileFor(path) is { } file)
            {
                var type = ContentType(file);
                var bytes = File.ReadAllBytes(file);
                Send(response, 200, type, type.StartsWith("text/html", StringComparison.Ordinal) ? html(bytes) : bytes, head);
                return;
            }

            var notFound = FileFor(basePath + "404.html");
            Send(response, 404, "text/html; charset=utf-8", notFound is null ? Encoding.UTF8.GetBytes("not found") : html(File.ReadAllBytes(notFound)), head);
        }
#pragma warning disable CA1031 // One request's failure (often the browser giving up on it) must never leave its connection open or stop the server.
        catch (Exception)
#pragma warning restore CA1031
        {
            response.Abort();
        }
    }

    /// <summary>Sends a whole answer and closes it.</summary>
    /// <param name="head">A HEAD request: the headers of the answer, without its body.</param>
    public static void Send(HttpListenerResponse response, int status, string type, byte[] body, bool head)
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

    /// <summary>The request's path, unescaped; null when it is not a plain path.</summary>
    private static string? PathOf(Uri? url)
    {
        string path;
        try
        {
            path = Uri.UnescapeDataString(url?.AbsolutePath ?? "/");
        }
        catch (UriFormatException)
        {
            return null;
        }

        var plain = path.StartsWith('/') && !path.Any(c => char.IsControl(c) || c is '\\' or '\uFFFD')
            && path.Split('/').All(segment => segment is not ("." or ".."));
        return plain ? path : null;
    }

    /// <summary>The regular file inside the site's folder, reached through no link, that a URL path names; null otherwise.</summary>
    private string? FileFor(string path)
    {
        if (!path.StartsWith(basePath, StringComparison.Ordinal) && path + "/" != basePath)
        {
            return null;
        }

        var relative = path[Math.Min(path.Length, basePath.Length)..].Trim('/');
        if (relative.Length == 0 || Directory.Exists(Path.Combine(_root, relative)))
        {
            relative = relative.Length == 0 ? "index.html" : relative + "/index.html";
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));

        // With the separator: "/site2/x" must not pass as inside "/site".
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return Load.ContentFiles.IsPlainFile(_root, relative, ".", new Diagnostics.DiagnosticBag()) ? full : null;
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
}
