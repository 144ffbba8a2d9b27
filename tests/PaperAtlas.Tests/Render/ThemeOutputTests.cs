using System.Text;
using PaperAtlas.Render;

namespace PaperAtlas.Tests.Render;

public sealed class ThemeOutputTests
{
    [Theory]
    [InlineData(16)] // too small for the page: counted first, then encoded into a new buffer
    [InlineData(64 * 1024)] // room for three bytes a char: encoded in one pass
    public void A_page_in_several_buffer_chunks_encodes_as_its_whole_text_does_even_with_a_surrogate_pair_split_between_chunks(int bufferBytes)
    {
        // A builder of capacity 4 keeps "abc" and the first half of the emoji in its first chunk.
        var builder = new StringBuilder(4).Append("ab").Append("c😀d 注意力").Append(new string('x', 5000)).Append('é');
        Assert.True(CountChunks(builder) > 1);

        var buffer = new byte[bufferBytes];
        Assert.Equal(Encoding.UTF8.GetBytes(builder.ToString()), OutputBuffers.Utf8(builder, null, ref buffer).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)] // inside the first chunk
    [InlineData(4)] // where the first chunk ends
    [InlineData(3000)] // inside a later chunk
    [InlineData(5013)] // the end
    public void A_spliced_page_encodes_as_the_layout_with_the_page_inserted_at_its_place(int at)
    {
        var layout = new StringBuilder(4).Append("<ab").Append("c😀d 注意力").Append(new string('x', 5000)).Append("é>");
        var page = new StringBuilder(8).Append("页面 page 😀").Append(new string('y', 100));
        Assert.True(CountChunks(layout) > 2);
        var buffer = new byte[16];

        var encoded = OutputBuffers.Utf8(layout, new Splice(layout, at, page), ref buffer).ToArray();

        Assert.Equal(Encoding.UTF8.GetBytes(layout.ToString().Insert(at, page.ToString())), encoded);
    }

    private static int CountChunks(StringBuilder builder)
    {
        var count = 0;
        foreach (var _ in builder.GetChunks())
        {
            count++;
        }

        return count;
    }
}
