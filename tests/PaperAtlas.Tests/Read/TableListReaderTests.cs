using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class TableListReaderTests
{
    private static readonly string Table = Fixtures.Lines(
        "### **二、对齐与强化学习技术**",
        "| 技术 | 论文标题 | arXiv链接 |",
        "|------|----------|-----------|",
        "| **RLHF** | Training Language Models to Follow Instructions with Human Feedback | [arXiv:2203.02155](https://arxiv.org/abs/2203.02155) (InstructGPT) |",
        "| **DPO** | Direct Preference Optimization: Your Language Model is Secretly a Reward Model | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |");

    private static readonly string Derived = Fixtures.Lines(
        "| 技术 | 论文标题 | arXiv链接 |",
        "|------|----------|-----------|",
        "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |",
        "| **LLaVA** | Visual Instruction Tuning | [arXiv:2304.08485](https://arxiv.org/abs/2304.08485) |",
        "",
        "1. **衍生工作推荐**：",
        "   - **LLaVA-1.5**：[arXiv:2310.03744](https://arxiv.org/abs/2310.03744)（性能提升版）",
        "   - **DPO变种**：",
        "     - IPO ([arXiv:2310.12036](https://arxiv.org/abs/2310.12036))",
        "     - KTO ([arXiv:2402.01306](https://arxiv.org/abs/2402.01306))");

    private static readonly string Path = Fixtures.Lines(
        "| 技术 | 论文标题 | arXiv链接 |",
        "|------|----------|-----------|",
        "| **CLIP** | Learning Transferable Visual Models | [arXiv:2103.00020](https://arxiv.org/abs/2103.00020) |",
        "",
        "> 建议按技术演进顺序阅读：  ",
        "> **CLIP → LLaMA → RLHF/DPO**  ",
        "> 配合代码实践效果更佳。");

    [Fact]
    public void A_table_with_an_arxiv_column_is_read_as_a_table_list()
    {
        Assert.Equal(ListShape.Table, Fixtures.Read(Table).Reading.List.Shape);
    }

    [Fact]
    public void Each_row_becomes_an_entry_with_technique_as_name_and_title_from_the_title_column()
    {
        var rlhf = Fixtures.Read(Table).Mentions[0];

        Assert.Equal(MentionKind.Entry, rlhf.Kind);
        Assert.Equal("2203.02155", rlhf.ArxivId);
        Assert.Equal("RLHF", rlhf.Name);
        Assert.Equal("Training Language Models to Follow Instructions with Human Feedback", rlhf.Title);
        Assert.Equal("https://arxiv.org/abs/2203.02155", rlhf.Url);
    }

    [Fact]
    public void Text_after_the_link_in_the_link_cell_is_the_note()
    {
        var reading = Fixtures.Read(Table);

        Assert.Equal("InstructGPT", reading.Mentions[0].Note);
        Assert.Equal("", reading.Mentions[1].Note);
    }

    [Fact]
    public void Rows_carry_the_numbered_heading_they_sit_under_without_its_emphasis()
    {
        var section = Assert.Single(Fixtures.Read(Table).Mentions[0].Sections);

        Assert.Equal("二、对齐与强化学习技术", section.Title);
        Assert.Equal(3, section.Level);
    }

    [Fact]
    public void A_well_formed_table_gives_no_diagnostics()
    {
        Assert.Empty(Fixtures.Read(Table).Diagnostics);
    }

    [Fact]
    public void A_bold_derived_work_bullet_becomes_a_derived_mention_of_the_entry_its_name_starts_with()
    {
        var llava15 = Fixtures.Read(Derived).Mentions.Single(m => m.ArxivId == "2310.03744");

        Assert.Equal(MentionKind.DerivedWork, llava15.Kind);
        Assert.Equal("LLaVA-1.5", llava15.Name);
        Assert.Equal("LLaVA", llava15.DerivedFrom);
        Assert.Equal("性能提升版", llava15.Note);
    }

    [Fact]
    public void Bullets_nested_under_a_family_label_derive_from_the_family_entry()
    {
        var reading = Fixtures.Read(Derived);
        var ipo = reading.Mentions.Single(m => m.ArxivId == "2310.12036");
        var kto = reading.Mentions.Single(m => m.ArxivId == "2402.01306");

        Assert.Equal((MentionKind.DerivedWork, "IPO", "DPO"), (ipo.Kind, ipo.Name, ipo.DerivedFrom));
        Assert.Equal((MentionKind.DerivedWork, "KTO", "DPO"), (kto.Kind, kto.Name, kto.DerivedFrom));
    }

    [Fact]
    public void Derived_work_links_are_not_read_again_as_generic_links()
    {
        var reading = Fixtures.Read(Derived);

        Assert.Equal(5, reading.Mentions.Length);
        Assert.DoesNotContain(reading.Mentions, m => m.Kind == MentionKind.Generic);
        Assert.Empty(reading.WithCode(DiagnosticCodes.UnknownListShape));
    }

    [Fact]
    public void An_arrow_line_in_a_blockquote_is_a_reading_path_with_one_step_per_arrow()
    {
        var path = Assert.Single(Fixtures.Read(Path).Reading.ReadingPaths);

        Assert.Equal(3, path.Steps.Length);
        Assert.Equal(["CLIP"], path.Steps[0].ToArray());
        Assert.Equal(["LLaMA"], path.Steps[1].ToArray());
        Assert.Equal(["RLHF", "DPO"], path.Steps[2].ToArray());
    }

    [Fact]
    public void A_reading_path_is_titled_by_the_line_before_it()
    {
        var path = Assert.Single(Fixtures.Read(Path).Reading.ReadingPaths);

        Assert.Equal("建议按技术演进顺序阅读", path.Title);
        Assert.Equal(6, path.Location.Line);
    }

    [Fact]
    public void A_row_without_a_paper_link_is_reported_and_gives_no_mention()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **Qwen** | Qwen Technical Memo | [memo](https://qwenlm.github.io/zh/tech_memo/) |"));

        Assert.Empty(reading.Mentions);
        var warning = Assert.Single(reading.WithCode(DiagnosticCodes.EntryWithoutPaper));
        Assert.Equal(3, warning.Location.Line);
    }

    [Fact]
    public void A_row_with_too_few_cells_is_an_error_at_that_row()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **LoRA** | LoRA | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) |",
            "| **QLoRA** | [arXiv:2305.14314](https://arxiv.org/abs/2305.14314) |"));

        var error = Assert.Single(reading.WithCode(DiagnosticCodes.TableRowCells));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(("content/lists/fixture.md", 4), (error.Location.File, error.Location.Line));
        Assert.Contains("2 cells but the header has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_too_many_cells_is_an_error_at_that_row()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **LoRA** | LoRA | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) | extra |"));

        var error = Assert.Single(reading.WithCode(DiagnosticCodes.TableRowCells));
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void An_empty_cell_written_with_pipes_counts_as_a_cell()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| | LoRA | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) |"));

        Assert.Empty(reading.WithCode(DiagnosticCodes.TableRowCells));
        Assert.Null(reading.Single.Name);
    }
}
