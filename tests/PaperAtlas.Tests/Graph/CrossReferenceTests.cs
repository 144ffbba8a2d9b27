namespace PaperAtlas.Tests.Graph;

/// <summary>A report's "（详见 3.1.2 节）" relates the section's paper to the paper of the section it points at.</summary>
public sealed class CrossReferenceTests
{
    [Fact]
    public void Report_cross_references_become_related_edges_sourced_to_the_list()
    {
        var edges = SeedContent.Analysis.Graph.Edges;
        // 1.4 (Llama 3) says "（详见 3.1.2 节）" → 3.1.2 LoRA; 2.2.3 (Mixtral) says "（详见 4.1.3 节）" → Lost in the Middle.
        Assert.Contains(edges, e => e.To == "2106.09685" && e.Kind == "related" && e.Source == "llm-knowledge-report");
        Assert.Contains(edges, e => e.From == "2401.04088" && e.To == "2307.03172" && e.Kind == "related" && e.Source == "llm-knowledge-report");
    }

    [Fact]
    public void A_cross_reference_in_a_fixture_report_links_the_two_sections()
    {
        var markdown = Fixtures.Lines(
            "# Report",
            "## **一、 基础**",
            "### **1.1 LoRA: Low-Rank Adaptation (2021)**",
            "LoRA 1 冻结权重。",
            "### **1.2 QLoRA: Efficient Finetuning of Quantized LLMs (2023)**",
            "QLoRA 2 量化（详见 1.1 节）。",
            "#### **引用的著作**",
            "1. LoRA: Low-Rank Adaptation of Large Language Models, [https://arxiv.org/abs/2106.09685](https://arxiv.org/abs/2106.09685)",
            "2. QLoRA: Efficient Finetuning of Quantized LLMs, [https://arxiv.org/abs/2305.14314](https://arxiv.org/abs/2305.14314)");
        var graph = Fixtures.Graph(("content/lists/report.md", markdown)).Graph;
        var edge = Assert.Single(graph.Edges);
        Assert.Equal(("2305.14314", "2106.09685", "related", "report"), (edge.From, edge.To, edge.Kind, edge.Source));
    }
}
