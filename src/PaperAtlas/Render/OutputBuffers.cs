using System.Text;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>
/// The text buffers one rendering thread reuses, a stack of them because the layout renders while the page's own
/// output is still held (it prints it as <c>content</c>). A buffer that grew once keeps its room, so later pages
/// append into one chunk, with no allocation; one that grew past <see cref="LargestKept"/> (an overview page of a
/// large atlas) is let go. The finished page is encoded into a byte buffer reused the same way.
/// </summary>
internal sealed class OutputBuffers
{
    private const int InitialChars = 32 * 1024;
    private const int LargestKept = 1024 * 1024;

    private readonly List<StringBuilderOutput> _buffers = [];
    private int _inUse;
    private byte[] _encoded = new byte[InitialChars];

    /// <summary>The buffer the template now rendering writes into; null when none is rented.</summary>
    public StringBuilderOutput? Current => _inUse > 0 ? _buffers[_inUse - 1] : null;

    public StringBuilderOutput Rent()
    {
        if (_inUse == _buffers.Count)
        {
            _buffers.Add(new StringBuilderOutput(new StringBuilder(InitialChars)));
        }

        return _buffers[_inUse++];
    }

    public void Return(StringBuilderOutput output)
    {
        _inUse--;
        if (output.Builder.Capacity > LargestKept)
        {
            _buffers[_inUse] = new StringBuilderOutput(new StringBuilder(InitialChars));
        }
        else
        {
            output.Builder.Clear();
        }
    }

    /// <summary>
    /// The builder's text as UTF-8, with <paramref name="splice"/>'s text read in at its place when there is one; valid
    /// until this thread encodes its next page.
    /// </summary>
    public ReadOnlySpan<byte> Encode(StringBuilder builder, Splice? splice = null)
    {
        if (_encoded.Length > 3 * LargestKept)
        {
            // The last page was an overview page of a large atlas; its buffer is done with now.
            _encoded = new byte[InitialChars];
        }

        return Utf8(builder, splice, ref _encoded);
    }

    /// <summary>
    /// The builder's text (and the spliced text) as UTF-8 in <paramref name="buffer"/> (replaced by a larger one when
    /// too small), encoded chunk by chunk: never first copied into one string.
    /// </summary>
    internal static ReadOnlySpan<byte> Utf8(StringBuilder builder, Splice? splice, ref byte[] buffer)
    {
        // A stateful encoder, so a surrogate pair split between two chunks is encoded whole.
        var encoder = Encoding.UTF8.GetEncoder();
        if (((long)builder.Length + (splice?.Text.Length ?? 0)) * 3 > buffer.Length)
        {
            // Might not fit (up to three bytes a char): count first, and grow only to what the page needs.
            Span<byte> scratch = stackalloc byte[4096];
            var count = 0;
            foreach (var chunk in Chunks(builder, splice))
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    encoder.Convert(chars, scratch, flush: false, out var used, out var written, out _);
                    count += written;
                    chars = chars[used..];
                }
            }

            encoder.Convert([], scratch, flush: true, out _, out var tail, out _);
            if (count + tail > buffer.Length)
            {
                buffer = new byte[count + tail];
            }

            encoder.Reset();
        }

        var at = 0;
        foreach (var chunk in Chunks(builder, splice))
        {
            encoder.Convert(chunk.Span, buffer.AsSpan(at), flush: false, out _, out var written, out _);
            at += written;
        }

        encoder.Convert([], buffer.AsSpan(at), flush: true, out _, out var last, out _);
        return buffer.AsSpan(0, at + last);
    }

    /// <summary>The builder's chunks, with the spliced text's chunks between the two sides of its place.</summary>
    private static IEnumerable<ReadOnlyMemory<char>> Chunks(StringBuilder builder, Splice? splice)
    {
        var offset = 0;
        var spliced = splice is null;
        foreach (var chunk in builder.GetChunks())
        {
            var split = spliced ? -1 : splice!.At - offset;
            offset += chunk.Length;
            if (split < 0 || split > chunk.Length)
            {
                yield return chunk;
                continue;
            }

            yield return chunk[..split];
            foreach (var inner in splice!.Text.GetChunks())
            {
                yield return inner;
            }

            spliced = true;
            yield return chunk[split..];
        }

        if (!spliced)
        {
            // The place is the builder's end (an empty builder has no chunk to split).
            foreach (var inner in splice!.Text.GetChunks())
            {
                yield return inner;
            }
        }
    }
}
