namespace PaperAtlas.Tests.Read;

/// <summary>A reading path is read only where a list states one: a line that is an arrow chain of short names.</summary>
public sealed class StatedReadingPathTests
{
    [Fact]
    public void Arrows_inside_a_sentence_are_no_reading_path()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "The pipeline goes from raw web text → a filtered corpus that we deduplicate → a pretrained model, which is then aligned.",
            "",
            "- Data is tokenized → embedded → fed to the decoder stack of 32 layers, each with grouped-query attention"));

        Assert.Empty(reading.Reading.ReadingPaths);
    }

    [Fact]
    public void A_labelled_chain_of_short_names_is_a_path_titled_by_its_label()
    {
        var path = Assert.Single(Fixtures.Read("Reading order: Transformer -> BERT -> GPT-3 -> InstructGPT\n").Reading.ReadingPaths);

        Assert.Equal("Reading order", path.Title);
        Assert.Equal(["Transformer", "BERT", "GPT-3", "InstructGPT"], path.Steps.Select(s => s.Single()));
    }

    [Fact]
    public void A_list_item_that_is_a_chain_of_names_is_a_path()
    {
        var path = Assert.Single(Fixtures.Read("- CLIP → LLaVA → LLaVA-1.5 (Improved Baselines)\n").Reading.ReadingPaths);

        Assert.Equal(3, path.Steps.Length);
    }
}
