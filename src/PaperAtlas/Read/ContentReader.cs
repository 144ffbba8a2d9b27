using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Read;

/// <summary>What Read made of one content file, with the diagnostics loading and reading it gave.</summary>
/// <param name="Loaded">False when the file could not be content (unreadable, too large, binary): nothing was read.</param>
public sealed record FileReading(ContentFile File, bool Loaded, ListReading? List, PaperMention? Paper, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What Read made of the content files: the lists and paper files read, and how many files of each kind were loaded.</summary>
public sealed record ContentReading(EquatableArray<ListReading> Lists, EquatableArray<PaperMention> PaperFiles, int ListFiles, int PaperFileCount);

/// <summary>
/// Read, over the files Load found: each file is loaded, parsed and read in one go, and only what the readers made is
/// kept, so no file's text or syntax tree outlives its reading (at 100,000 papers they would be most of the heap).
/// </summary>
public static class ContentReader
{
    /// <summary>Reads every file of <paramref name="content"/> in parallel; the result is in the files' order.</summary>
    /// <param name="drafts">Whether lists and paper files that say `draft: true` are read in; when not, each is an info diagnostic.</param>
    /// <param name="read">Reads one file; <see cref="Read(LoadedContent, ContentFile)"/> unless the caller keeps readings (the preview server does).</param>
    public static ContentReading ReadAll(LoadedContent content, DiagnosticBag diagnostics, ParallelOptions parallel, bool drafts = false, Func<ContentFile, FileReading>? read = null)
    {
        read ??= file => Read(content, file);
        var files = content.Files;
        var readings = new FileReading[files.Length];
        Parallel.For(0, files.Length, parallel, i => readings[i] = read(files[i]));
        foreach (var reading in readings)
        {
            diagnostics.AddRange(reading.Diagnostics);
        }

        if (!drafts)
        {
            readings = LeaveOutDrafts(readings, diagnostics);
        }

        return new ContentReading(
            [.. readings.Select(r => r.List).OfType<ListReading>()],
            [.. readings.Select(r => r.Paper).OfType<PaperMention>()],
            readings.Count(r => r.Loaded && r.File.Kind == DocumentKind.List),
            readings.Count(r => r.Loaded && r.File.Kind == DocumentKind.Paper));
    }

    /// <summary>The readings that are no drafts; each draft left out is an info diagnostic at its `draft: true`.</summary>
    private static FileReading[] LeaveOutDrafts(FileReading[] readings, DiagnosticBag diagnostics)
    {
        foreach (var location in readings.Select(DraftAt).OfType<SourceLocation>())
        {
            diagnostics.Info(DiagnosticCodes.DraftLeftOut, location, "a draft: left out of the site",
                "`atlas serve` shows it; `atlas build --drafts` builds it; remove `draft: true` to publish it");
        }

        return [.. readings.Where(r => DraftAt(r) is null)];
    }

    private static SourceLocation? DraftAt(FileReading reading) => reading.List?.List.Draft ?? reading.Paper?.Draft;

    /// <summary>Loads one file from disk and reads it.</summary>
    public static FileReading Read(LoadedContent content, ContentFile file)
    {
        var diagnostics = new DiagnosticBag();
        var text = Text(content, file, diagnostics);
        return text is null ? new FileReading(file, false, null, null, diagnostics.ToSortedList()) : Read(content, file, text, diagnostics);
    }

    /// <summary>The file's text as strict UTF-8 within the size limit; null (with a diagnostic) when it cannot be content.</summary>
    public static string? Text(LoadedContent content, ContentFile file, DiagnosticBag diagnostics) =>
        ContentLoader.ReadText(Path.Combine(content.ContentPath, file.RelativePath), content.Shown(file.RelativePath), diagnostics);

    /// <summary>Parses a file's text and reads it with the reader of its kind.</summary>
    public static FileReading Read(LoadedContent content, ContentFile file, string text, DiagnosticBag diagnostics)
    {
        var document = ContentLoader.Parse(content.Shown(file.RelativePath), file.RelativePath, file.Kind, text, diagnostics);
        var list = file.Kind == DocumentKind.List ? ListReader.Read(document, diagnostics) : null;
        var paper = file.Kind == DocumentKind.Paper ? PaperFileReader.Read(document, diagnostics) : null;
        return new FileReading(file, true, list, paper, diagnostics.ToSortedList());
    }
}
