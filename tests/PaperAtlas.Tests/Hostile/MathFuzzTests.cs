using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PaperAtlas.Render;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// Fuzzing the TeX to MathML converter, which runs on every `$…$` of every note: random TeX built from the commands it
/// knows, the ones it does not, unbalanced groups, and long runs of one piece (25,000 nested `\frac` once overflowed the
/// stack; 30,000 `{` took 91 s). Each input must convert within its budget, never throw, and give well-formed MathML.
/// Iteration i uses seed i; run more with <c>ATLAS_FUZZ_ITERATIONS</c>.
/// </summary>
public sealed class MathFuzzTests
{
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(Debugger.IsAttached ? 600 : 3);

    private static readonly string[] Pieces =
    [
        "\\frac", "\\sqrt", "{", "}", "{", "}", "^", "_", "x", "y", "12.5", "3", "\\alpha", "\\Omega", "\\mathbb{R}", "\\mathbf", "\\text{a b}",
        "\\left(", "\\right)", "\\left", "\\", "\\\\", "+", "-", "=", " ", "\\unknown", "&", "<", ">", "\"", "'", "\\{", "\\}", "\\,", "\\!",
        "\\log", "\\sum", "\\times", "中文", "😀", "\\operatorname{softmax}", "\\frac{1}{2}", "x_{i}^{2}", "\\sqrt{", "\\mathbb{", "}}",
    ];

    [Fact]
    public void Random_tex_converts_within_its_budget_to_well_formed_mathml()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("ATLAS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1500;
        var findings = new List<string>();
        for (var seed = 0; seed < iterations && findings.Count < 10; seed++)
        {
            var tex = Generate(seed);
            var clock = Stopwatch.StartNew();
            try
            {
                var mathml = TexToMathMl.Convert(tex);
                TexToMathMl.NestsTooDeep(tex);
                clock.Stop();
                XElement.Parse(mathml);
            }
#pragma warning disable CA1031 // A fuzzer reports every exception as a finding.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                findings.Add($"seed {seed}: {ex.GetType().Name}: {ex.Message}");
            }

            if (clock.Elapsed > PerInputBudget)
            {
                findings.Add($"seed {seed}: {clock.ElapsedMilliseconds} ms for {tex.Length} characters");
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void Math_nested_past_the_limit_is_shown_as_its_source_and_flagged()
    {
        var tex = new StringBuilder().Insert(0, "\\frac", 25_000).ToString();

        var mathml = TexToMathMl.Convert(tex);

        Assert.True(TexToMathMl.NestsTooDeep(tex));
        Assert.Contains("<mtext>\\frac\\frac", mathml, StringComparison.Ordinal);
        Assert.False(TexToMathMl.NestsTooDeep("\\frac{a}{\\sqrt{x_{i}^{2}}}"));
    }

    /// <summary>Up to 200 random pieces; one input in eight also holds one piece repeated thousands of times.</summary>
    private static string Generate(int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        for (var i = random.Next(1, 200); i > 0; i--)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        if (random.Next(8) == 0)
        {
            builder.Insert(random.Next(builder.Length + 1), Pieces[random.Next(Pieces.Length)], 1_000 + random.Next(30_000));
        }

        return builder.ToString();
    }
}
