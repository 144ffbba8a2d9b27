using PaperAtlas.Search;

namespace PaperAtlas.Tests.Search;

public sealed class TokenizerTests
{
    private static string[] Texts(string input) => [.. Tokenizer.Tokenize(input).Select(t => t.Text)];

    [Fact]
    public void English_words_are_lowercased_and_split_at_punctuation()
    {
        Assert.Equal(["lora", "low", "rank", "adaptation"], Texts("LoRA: Low-Rank Adaptation"));
    }

    [Fact]
    public void Plurals_and_common_suffixes_are_folded()
    {
        Assert.Equal(["model", "policy", "box", "match", "runn", "tun", "focus", "analysis"], Texts("models policies boxes matches running tuned focus analysis"));
    }

    [Fact]
    public void An_arxiv_id_stays_one_token_without_its_version()
    {
        Assert.Equal(["2106.09685", "and", "2305.18290"], Texts("2106.09685v2 and 2305.18290"));
    }

    [Fact]
    public void Chinese_becomes_overlapping_bigrams_and_unigrams()
    {
        var tokens = Tokenizer.Tokenize("思维链");
        Assert.Equal(["思", "思维", "维", "维链", "链"], tokens.Select(t => t.Text));
        Assert.Equal([true, false, true, false, true], tokens.Select(t => t.IsCjkUnigram));
    }

    [Fact]
    public void Mixed_chinese_and_english_split_at_the_script_boundary()
    {
        Assert.Equal(["mix", "中", "中文", "文", "english"], Texts("mixed中文English"));
    }

    [Fact]
    public void Fullwidth_forms_are_normalised()
    {
        Assert.Equal(["lora", "2023"], Texts("ＬｏＲＡ ２０２３"));
    }
}
