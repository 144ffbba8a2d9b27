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

    [Fact]
    public void Neighbouring_words_joined_by_a_space_or_hyphen_are_also_one_word_stemmed_as_one()
    {
        Assert.Equal(["gpt3"], Tokenizer.JoinedPairs("GPT-3"));
        Assert.Equal(["pagedattention"], Tokenizer.JoinedPairs("Paged Attention"));
        Assert.Equal(["lowrank", "rankadaptation"], Tokenizer.JoinedPairs("Low-Rank Adaptation"));
    }

    [Fact]
    public void Words_apart_by_other_characters_or_chinese_are_not_joined()
    {
        Assert.Empty(Tokenizer.JoinedPairs("vLLM: Easy"));
        Assert.Empty(Tokenizer.JoinedPairs("GPT  3"));
        Assert.Empty(Tokenizer.JoinedPairs("GPT 中文 3"));
    }

    [Fact]
    public void Version_like_pairs_are_those_with_a_short_word_or_a_digit()
    {
        Assert.Equal(["gpt3", "llama2"], Tokenizer.JoinedPairs("GPT-3 and Llama 2 Models", versionsOnly: true).Where(p => p is "gpt3" or "llama2"));
        Assert.DoesNotContain("pagedattention", Tokenizer.JoinedPairs("Paged Attention", versionsOnly: true));
    }
}
