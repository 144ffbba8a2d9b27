using System.Text;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>
/// The text buffers one rendering thread reuses, a stack of them because the layout renders while the page's own
/// output is still held (it prints it as <c>content</c>). A buffer that grew once keeps its room, so later pages
/// append into one chunk, with no allocation; one that grew past <see cref="LargestKept"/> (an overview page of a
/// large atlas) is let go.
/// </summary>
internal sealed class OutputBuffers
{
    private const int InitialChars = 32 * 1024;
    private const int LargestKept = 1024 * 1024;

    private readonly List<StringBuilderOutput> _buffers = [];
    private int _inUse;

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
}
