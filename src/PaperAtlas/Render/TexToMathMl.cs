using System.Net;
using System.Text;

namespace PaperAtlas.Render;

/// <summary>
/// Inline TeX to MathML, which browsers render natively: no script, no web font, works offline and under a
/// strict Content-Security-Policy. Covers what paper notes use — sub- and superscripts, fractions, roots,
/// Greek letters, common relations and operators; an unknown command is shown by its name.
/// </summary>
public static class TexToMathMl
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ",
        ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "φ", ["varphi"] = "φ", ["chi"] = "χ",
        ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ",
        ["Pi"] = "Π", ["Sigma"] = "Σ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω", ["infty"] = "∞", ["partial"] = "∂",
        ["nabla"] = "∇", ["ell"] = "ℓ",
    };

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["times"] = "×", ["cdot"] = "·", ["approx"] = "≈", ["ll"] = "≪", ["gg"] = "≫", ["le"] = "≤", ["leq"] = "≤",
        ["ge"] = "≥", ["geq"] = "≥", ["neq"] = "≠", ["ne"] = "≠", ["in"] = "∈", ["sum"] = "∑", ["prod"] = "∏",
        ["rightarrow"] = "→", ["to"] = "→", ["leftarrow"] = "←", ["Rightarrow"] = "⇒", ["pm"] = "±", ["ldots"] = "…",
        ["cdots"] = "⋯", ["dots"] = "…", ["sim"] = "∼", ["propto"] = "∝", ["mid"] = "∣", ["cup"] = "∪", ["cap"] = "∩",
        ["subset"] = "⊂", ["forall"] = "∀", ["exists"] = "∃", ["equiv"] = "≡", ["odot"] = "⊙", ["oplus"] = "⊕",
        ["{"] = "{", ["}"] = "}", ["|"] = "‖", [","] = " ", [";"] = " ", ["!"] = "", ["quad"] = " ", ["qquad"] = "  ",
    };

    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "log", "ln", "exp", "min", "max", "sin", "cos", "tan", "softmax", "arg", "lim", "sup", "inf", "det",
    };

    /// <summary>
    /// The deepest nesting converted (groups, fractions, roots, scripts): the parser recurses, and 25,000 nested
    /// <c>\frac</c> overflowed the stack. Deeper math is shown as its TeX source, and check reports it (<see cref="NestsTooDeep"/>).
    /// </summary>
    public const int MaxDepth = 64;

    public static string Convert(string tex)
    {
        var parser = new Parser(tex);
        var body = parser.ParseSequence(untilBrace: false);
        return $"<math><semantics><mrow>{body}</mrow><annotation encoding=\"application/x-tex\">{WebUtility.HtmlEncode(tex)}</annotation></semantics></math>";
    }

    /// <summary>True when <see cref="Convert"/> would stop at <see cref="MaxDepth"/> and show the rest as source.</summary>
    public static bool NestsTooDeep(string tex)
    {
        var parser = new Parser(tex);
        parser.ParseSequence(untilBrace: false);
        return parser.TooDeep;
    }

    private sealed class Parser(string text)
    {
        private int _pos;
        private int _depth;

        public bool TooDeep { get; private set; }

        public string ParseSequence(bool untilBrace)
        {
            var output = new StringBuilder();
            var guard = 0;
            while (_pos < text.Length && guard++ < 10_000)
            {
                SkipSpaces();
                if (_pos >= text.Length)
                {
                    break;
                }

                if (text[_pos] == '}')
                {
                    if (untilBrace)
                    {
                        _pos++;
                        return output.ToString();
                    }

                    _pos++;
                    continue;
                }

                output.Append(ParseScripts(ParseAtom()));
            }

            return output.ToString();
        }

        private string ParseScripts(string atom)
        {
            SkipSpaces();
            string? sub = null, sup = null;
            for (var i = 0; i < 2 && _pos < text.Length && text[_pos] is '_' or '^'; i++)
            {
                var isSub = text[_pos] == '_';
                _pos++;
                SkipSpaces();
                var script = _pos < text.Length ? ParseAtom() : "<mrow></mrow>";
                if (isSub)
                {
                    sub = script;
                }
                else
                {
                    sup = script;
                }

                SkipSpaces();
            }

            return (sub, sup) switch
            {
                (null, null) => atom,
                ({ } s, null) => $"<msub>{atom}{s}</msub>",
                (null, { } p) => $"<msup>{atom}{p}</msup>",
                ({ } s, { } p) => $"<msubsup>{atom}{s}{p}</msubsup>",
            };
        }

        /// <summary>One atom, one level deeper; past <see cref="MaxDepth"/> the rest of the text, as it is written.</summary>
        private string ParseAtom()
        {
            if (_depth >= MaxDepth)
            {
                TooDeep = true;
                var rest = text[_pos..];
                _pos = text.Length;
                return $"<mtext>{Escape(rest)}</mtext>";
            }

            _depth++;
            try
            {
                return ParseAtomHere();
            }
            finally
            {
                _depth--;
            }
        }

        private string ParseAtomHere()
        {
            var c = text[_pos];
            if (c == '{')
            {
                _pos++;
                return $"<mrow>{ParseSequence(untilBrace: true)}</mrow>";
            }

            if (c == '\\')
            {
                return ParseCommand();
            }

            if (char.IsDigit(c))
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || (text[_pos] == '.' && _pos + 1 < text.Length && char.IsDigit(text[_pos + 1]))))
                {
                    _pos++;
                }

                return $"<mn>{Escape(text[start.._pos])}</mn>";
            }

            _pos++;
            return char.IsLetter(c) ? $"<mi>{Escape(c.ToString())}</mi>" : $"<mo>{Escape(c.ToString())}</mo>";
        }

        private string ParseCommand()
        {
            _pos++;
            if (_pos >= text.Length)
            {
                return "<mo>\\</mo>";
            }

            var start = _pos;
            if (char.IsLetter(text[_pos]))
            {
                while (_pos < text.Length && char.IsLetter(text[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos++;
            }

            var name = text[start.._pos];
            switch (name)
            {
                case "frac":
                    var numerator = Group();
                    return $"<mfrac>{numerator}{Group()}</mfrac>";
                case "sqrt":
                    return $"<msqrt>{Group()}</msqrt>";
                case "mathbb":
                    return $"<mi mathvariant=\"double-struck\">{Escape(RawGroup())}</mi>";
                case "mathbf" or "boldsymbol":
                    return $"<mi mathvariant=\"bold\">{Escape(RawGroup())}</mi>";
                case "text" or "mathrm" or "operatorname" or "textrm":
                    return $"<mtext>{Escape(RawGroup())}</mtext>";
                case "left" or "right" or "big" or "Big" or "displaystyle":
                    return "";
            }

            if (Symbols.TryGetValue(name, out var symbol))
            {
                return $"<mi>{symbol}</mi>";
            }

            if (Operators.TryGetValue(name, out var op))
            {
                return op.Length == 0 ? "" : $"<mo>{Escape(op)}</mo>";
            }

            return Functions.Contains(name) ? $"<mi>{name}</mi><mo>&#x2061;</mo>" : $"<mi>{Escape(name)}</mi>";
        }

        private string Group()
        {
            SkipSpaces();
            return _pos < text.Length ? ParseAtom() : "<mrow></mrow>";
        }

        private string RawGroup()
        {
            SkipSpaces();
            if (_pos >= text.Length)
            {
                return "";
            }

            if (text[_pos] != '{')
            {
                return text[_pos++].ToString();
            }

            var end = text.IndexOf('}', _pos);
            end = end < 0 ? text.Length : end;
            var value = text[(_pos + 1)..end];
            _pos = Math.Min(text.Length, end + 1);
            return value;
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private static string Escape(string value) => WebUtility.HtmlEncode(value);
    }
}
