using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>
/// One paper line of an entry (or several papers on one line) and what surrounds it: reads each paper's title, nickname,
/// authors, venue, date, code link and note by the rules of <see cref="EntryModel"/>.
/// </summary>
internal sealed partial class EntrySegment
{
    private static readonly HashSet<string> CodeHosts = new(StringComparer.OrdinalIgnoreCase) { "github.com", "www.github.com", "gitlab.com" };

    /// <summary>A stretch of the entry that could be its title or nickname, with the pieces it covers.</summary>
    /// <param name="ByText">Taken from unmarked text: its pieces say more than it (a description after it), so only its text is taken out of the note.</param>
    /// <param name="Lead">For a quoted title, the words before the quote in its run of text (a nickname, perhaps).</param>
    private sealed record Candidate(string Text, int Rank, int First, int Last, int Link, bool ByText = false, string Lead = "");

    /// <summary>Where a span of the entry (an emphasis, a link, a cell) stands and what it says.</summary>
    private sealed class Run(int first)
    {
        public StringBuilder Text { get; } = new();

        public TextStyle Style { get; set; }

        public int First { get; } = first;

        public int Last { get; set; } = first;
    }

    [GeneratedRegex(@"[""“](?<q>[^""“”]{3,})[""”]")]
    private static partial Regex Quoted();

    private readonly EntryText _entry;
    private readonly int _start;
    private readonly int _end;
    private readonly IReadOnlyList<ColumnRole>? _roles;
    private readonly HashSet<int> _used = [];
    private readonly List<string> _usedText = [];
    private readonly Dictionary<int, Run> _emphases = [];
    private readonly Dictionary<int, Run> _links = [];
    private readonly Dictionary<int, Run> _cells = [];
    private readonly Dictionary<int, string> _linkTexts = [];
    private readonly List<(FieldRole Role, string Value, int First, int Last)> _fields = [];
    private readonly Dictionary<int, (FieldRole Role, string Value)> _fieldAt = [];

    public EntrySegment(EntryText entry, int start, int end, IReadOnlyList<ColumnRole>? roles)
    {
        (_entry, _start, _end, _roles) = (entry, start, end, roles);
        for (var i = start; i < end; i++)
        {
            var piece = entry.Pieces[i];
            Extend(_links, piece.Link, i, piece);
            Extend(_cells, piece.Cell, i, piece);
            Extend(_emphases, piece.Emphasis, i, piece);
        }

        foreach (var (link, run) in _links)
        {
            _linkTexts[link] = TitleText.Clean(run.Text.ToString());
        }

        foreach (var (first, last) in Groups(start, end))
        {
            if (FieldLabel.Split(Concat(first, last, _ => true)) is { } field)
            {
                // "论文：Attention Is All You Need" names the paper; "论文：https://…" links it.
                var names = field.Role == FieldRole.Link && !Enumerable.Range(first, last - first + 1).Any(j => Pieces[j].Link >= 0)
                            && TitleText.IsTitle(TitleText.Clean(field.Value));
                _fields.Add((names ? FieldRole.Title : field.Role, field.Value, first, last));
                _fieldAt[first] = (_fields[^1].Role, field.Value);
            }
        }
    }

    private (FieldRole Role, string Value, int First, int Last)? Field(FieldRole role) =>
        _fields.Where(f => f.Role == role).Select(f => ((FieldRole, string, int, int)?)f).FirstOrDefault();

    /// <summary>Whether a line or cell (by its first piece) is a labelled field.</summary>
    private bool IsFieldLine(int first) => _fieldAt.ContainsKey(first);

    private List<EntryPiece> Pieces => _entry.Pieces;

    private static void Extend(Dictionary<int, Run> runs, int key, int index, EntryPiece piece)
    {
        if (key < 0)
        {
            return;
        }

        if (!runs.TryGetValue(key, out var run))
        {
            run = new Run(index);
            runs[key] = run;
        }

        run.Last = index;
        run.Style |= piece.Style;
        if (piece.Kind == PieceKind.Text)
        {
            run.Text.Append(piece.Text);
        }
    }

    public List<EntryReading> Read()
    {
        // The papers in order of first appearance, each with its links here.
        var papers = new List<(string Key, List<int> Links)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in _links.OrderBy(l => l.Value.First).Select(l => l.Key))
        {
            if (EntryModel.PaperKey(_entry.Links[link]) is not { } key)
            {
                continue;
            }

            if (byKey.TryGetValue(key, out var index))
            {
                papers[index].Links.Add(link);
            }
            else
            {
                byKey[key] = papers.Count;
                papers.Add((key, [link]));
            }

            Use(_links[link].First, _links[link].Last);
        }

        if (papers.Count == 0)
        {
            return [];
        }

        var candidates = Candidates();
        var authors = AuthorsCandidate();
        var entryTitle = ChooseTitle(candidates) ?? Unmarked(_links[papers[0].Links[0]].First, authors);
        var single = papers.Count == 1;
        var readings = new List<EntryReading>();
        var entryTitleTaken = false;
        foreach (var (_, links) in papers)
        {
            Candidate? title = null;
            Candidate? ownShort = null;
            if (links.Select(Own).FirstOrDefault(c => c is not null) is { } own)
            {
                // "[LLaVA](…) **Visual Instruction Tuning**": a short linked name beside a marked title on its line is the nickname.
                if (single && !TitleText.IsLong(own.Text) && entryTitle is { Link: < 0, ByText: false } other && TitleText.IsLong(other.Text) && OnSameLine(own.First, other.First))
                {
                    (title, ownShort) = (other, own);
                }
                else
                {
                    title = own;
                }
            }
            else if (!entryTitleTaken)
            {
                title = entryTitle;
                entryTitleTaken = true;
            }

            Use(title);
            var nickname = single || ownShort is not null ? ownShort ?? Nickname(candidates, title) : null;
            Use(nickname);

            var (titleText, name) = Finish(title?.Text, nickname?.Text);
            readings.Add(single
                ? Whole(_entry.Links[links[0]], titleText, name, authors)
                : new EntryReading(_entry.Links[links[0]], titleText, name, [], null, null, null, null, ""));
        }

        return readings;
    }

    /// <summary>A short title next to no nickname is the paper's nickname ("LLaMA"); with a nickname beside it, a title still.</summary>
    private static (string? Title, string? Name) Finish(string? title, string? nickname)
    {
        if (title is null)
        {
            return (null, nickname);
        }

        var distinct = nickname is not null && !string.Equals(nickname, title, StringComparison.OrdinalIgnoreCase);
        if (TitleText.IsLong(title))
        {
            return (title, distinct ? nickname : null);
        }

        return distinct ? (title, nickname) : (null, title);
    }

    /// <summary>A single paper's reading: everything else the entry says goes to it.</summary>
    private EntryReading Whole(EntryLink link, string? title, string? name, Candidate? authors)
    {
        var authorList = ImmutableArray<string>.Empty;
        if (authors is not null)
        {
            authorList = TitleText.Authors(authors.Text);
            Use(authors);
        }
        else if ((CellText(ColumnRole.Authors) ?? Field(FieldRole.Authors)?.Value) is { Length: > 0 } authorText)
        {
            authorList = TitleText.Authors(authorText);
        }

        string? venue = null;
        int? year = null;
        int? month = null;
        if ((CellText(ColumnRole.Venue) ?? Field(FieldRole.Venue)?.Value) is { } venueCell && TitleText.Clean(venueCell) is { Length: > 0 } venueText && venueText.Any(char.IsLetter))
        {
            var parsed = VenueDate.Parse(venueText);
            venue = parsed.Venue ?? venueText;
            (year, month) = parsed.Venue is null ? (parsed.Year, parsed.Month) : (null, null);
        }

        if ((CellText(ColumnRole.Date) ?? Field(FieldRole.Date)?.Value) is { } dateCell && VenueDate.Parse(dateCell) is { Year: not null } date)
        {
            (year, month) = (date.Year, date.Month);
        }

        var rest = VenueDate.Parse(Rest());
        venue ??= rest.Venue;
        if (year is null)
        {
            (year, month) = (rest.Year, rest.Month);
        }

        return new EntryReading(link, title, name, authorList, venue, year, month, CodeLink(), TitleText.Tidy(rest.Rest));
    }

    private Candidate? Own(int link) =>
        TitleText.IsTitle(_linkTexts[link]) ? new Candidate(_linkTexts[link], 0, _links[link].First, _links[link].Last, link) : null;

    /// <summary>Emphasised spans, linked titles, quoted titles and title or name cells, in the order they are written.</summary>
    private List<Candidate> Candidates()
    {
        var candidates = new List<Candidate>();
        foreach (var run in _emphases.Values)
        {
            var text = TitleText.Clean(run.Text.ToString());
            var italicOnly = (run.Style & (TextStyle.Strong | TextStyle.Underline)) == 0;
            if (TitleText.IsTitle(text) && !(italicOnly && TitleText.LooksLikeAuthors(text)) && FieldLabel.Of(text) is null)
            {
                candidates.Add(new Candidate(text, italicOnly ? 1 : 0, run.First, run.Last, -1));
            }
        }

        foreach (var (link, run) in _links)
        {
            var text = _linkTexts[link];
            var emphasised = Pieces[run.First].Emphasis >= 0 && _emphases.TryGetValue(Pieces[run.First].Emphasis, out var around) && around.First <= run.First && around.Last >= run.Last;
            if (!emphasised && TitleText.IsTitle(text) && (TitleText.IsLong(text) || EntryModel.PaperKey(_entry.Links[link]) is not null))
            {
                candidates.Add(new Candidate(text, 0, run.First, run.Last, link));
            }
        }

        for (var i = _start; i < _end; i++)
        {
            if (Pieces[i] is { Kind: PieceKind.Text, Emphasis: < 0, Link: < 0 } piece)
            {
                foreach (Match quote in Quoted().Matches(piece.Text))
                {
                    var text = TitleText.Clean(quote.Groups["q"].Value);
                    if (TitleText.IsTitle(text) && TitleText.IsLong(text))
                    {
                        candidates.Add(new Candidate(text, 0, i, i, -1, ByText: true, Lead: piece.Text[..quote.Index]));
                    }
                }
            }
        }

        foreach (var role in new[] { ColumnRole.Title, ColumnRole.Name })
        {
            if (CellOf(role) is var cell && _cells.TryGetValue(cell, out var run) && !candidates.Any(c => Pieces[c.First].Cell == cell)
                && TitleText.Clean(run.Text.ToString()) is var clean && TitleText.IsTitle(clean) && (role == ColumnRole.Title || TitleText.IsLong(clean)))
            {
                candidates.Add(new Candidate(clean, 0, run.First, run.Last, -1));
            }
        }

        foreach (var (role, value, first, last) in _fields)
        {
            if (role == FieldRole.Title && TitleText.Clean(value) is var text && TitleText.IsTitle(text))
            {
                candidates.Add(new Candidate(text, -1, first, last, -1));
            }
        }

        candidates.Sort((a, b) => a.First.CompareTo(b.First));
        return candidates;
    }

    private Candidate? AuthorsCandidate() =>
        _emphases.Values
            .Where(r => (r.Style & (TextStyle.Strong | TextStyle.Underline)) == 0 && Pieces[r.First].Link < 0 && TitleText.LooksLikeAuthors(r.Text.ToString()))
            .Select(r => new Candidate(r.Text.ToString(), 1, r.First, r.Last, -1))
            .MinBy(c => c.First);

    /// <summary>The first long marked title; else the first marked one; italic titles only when nothing is bold, underlined, quoted or linked.</summary>
    private static Candidate? ChooseTitle(List<Candidate> candidates) =>
        candidates.FirstOrDefault(c => c.Rank < 0)
        ?? candidates.FirstOrDefault(c => c.Rank == 0 && TitleText.IsLong(c.Text))
        ?? candidates.FirstOrDefault(c => c.Rank == 0)
        ?? candidates.FirstOrDefault(c => TitleText.IsLong(c.Text))
        ?? candidates.FirstOrDefault();

    /// <summary>
    /// No marked title: the unmarked text before the paper's link on its line (a label such as <c>论文地址：</c>
    /// dropped); else the first earlier line or cell that reads as a title (not one that introduces, ending in a
    /// colon); else the text after the link.
    /// </summary>
    private Candidate? Unmarked(int linkPiece, Candidate? authors)
    {
        var lineStart = linkPiece;
        while (lineStart > _start && Pieces[lineStart - 1].Kind is not (PieceKind.LineBreak or PieceKind.CellBreak))
        {
            lineStart--;
        }

        var places = new List<(int First, int Last)> { (lineStart, linkPiece - 1) };
        places.AddRange(Groups(_start, lineStart));
        places.AddRange(Groups(linkPiece, _end));
        foreach (var (first, last) in places)
        {
            if (last < first || IsDataCell(Pieces[first].Cell) || IsFieldLine(first))
            {
                continue;
            }

            var text = Concat(first, last, j => Pieces[j].Link < 0 && (authors is null || j < authors.First || j > authors.Last));
            if (!text.TrimEnd().EndsWith(':') && !text.TrimEnd().EndsWith('：') && TitleText.FromUnmarked(text) is { } title)
            {
                return new Candidate(title, 2, first, last, -1, ByText: true);
            }
        }

        return null;
    }

    /// <summary>
    /// A nickname: a name cell; else a short marked name just before the title (<c>&lt;u&gt;UL2&lt;/u&gt;: **…**</c>);
    /// else the plain words just before it on its line (<c>T5 **…**</c>, <c>HELM: **…**</c>); else a table's first cell.
    /// </summary>
    private Candidate? Nickname(List<Candidate> candidates, Candidate? title)
    {
        var nameCell = CellOf(ColumnRole.Name);
        if (_cells.TryGetValue(nameCell, out var nameRun) && TitleText.Clean(nameRun.Text.ToString()) is var name && TitleText.IsShortName(name))
        {
            return new Candidate(name, 0, nameRun.First, nameRun.Last, -1);
        }

        if (Field(FieldRole.Name) is { } nameField && TitleText.Clean(nameField.Value) is var named && TitleText.IsShortName(named))
        {
            return new Candidate(named, 0, nameField.First, nameField.Last, -1);
        }

        if (title is null)
        {
            return null;
        }

        if (title.ByText)
        {
            var quoteLead = TitleText.Clean(title.Lead);
            return TitleText.IsShortName(quoteLead) ? new Candidate(quoteLead, 0, title.First, title.First, -1, ByText: true) : null;
        }

        if (candidates.LastOrDefault(c => c.Last < title.First && TitleText.IsShortName(c.Text) && !_used.Contains(c.First)) is { } marked
            && OnSameLine(marked.Last, title.First))
        {
            return marked;
        }

        var from = title.First;
        while (from > _start && Pieces[from - 1] is { Kind: PieceKind.Text or PieceKind.Image, Link: < 0, Emphasis: < 0 } && Pieces[from - 1].Cell == Pieces[title.First].Cell)
        {
            from--;
        }

        // "BERT **BERT: …**, 2018": a name before the title; "We liked [LoRA: …](…) a lot": a sentence around it.
        var lead = Concat(from, title.First - 1, _ => true);
        var separated = lead.TrimEnd().EndsWith(':') || lead.TrimEnd().EndsWith('：') || lead.TrimEnd().EndsWith('-') || lead.TrimEnd().EndsWith('|');
        if (from < title.First && TitleText.Clean(lead) is var before && TitleText.IsShortName(before) && (separated || !SentenceGoesOn(title.Last)))
        {
            return new Candidate(before, 0, from, title.First - 1, -1);
        }

        // "**BERT: …**. … (**ELMo**)": a short marked name in brackets after the title.
        if (candidates.FirstOrDefault(c => c.First > title.Last && c.Rank == 0 && TitleText.IsShortName(c.Text) && OpensBracket(c.First)) is { } after)
        {
            return after;
        }

        var firstCell = Pieces[_start].Cell;
        if (firstCell >= 0 && Pieces[title.First].Cell > firstCell && !IsDataCell(firstCell) && _cells.TryGetValue(firstCell, out var run)
            && TitleText.Clean(run.Text.ToString()) is var first && TitleText.IsShortName(first))
        {
            return new Candidate(first, 0, run.First, run.Last, -1);
        }

        return null;
    }

    private bool OpensBracket(int piece) =>
        piece > _start && Pieces[piece - 1] is { Kind: PieceKind.Text } before && before.Text.TrimEnd() is { Length: > 0 } text && text[^1] is '(' or '（';

    /// <summary>Whether a word follows the piece on its line, so the piece stood inside a sentence.</summary>
    private bool SentenceGoesOn(int piece)
    {
        for (var i = piece + 1; i < _end && Pieces[i].Kind is PieceKind.Text or PieceKind.Image; i++)
        {
            if (Pieces[i].Kind == PieceKind.Text && Pieces[i].Text.TrimStart() is { Length: > 0 } next)
            {
                return char.IsLetterOrDigit(next[0]);
            }
        }

        return false;
    }

    private string? CodeLink()
    {
        var codeCell = CellOf(ColumnRole.Code);
        foreach (var (link, run) in _links.OrderBy(l => l.Value.First))
        {
            var entryLink = _entry.Links[link];
            if (EntryModel.PaperKey(entryLink) is not null || !Uri.TryCreate(entryLink.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var text = _linkTexts[link];
            if ((codeCell >= 0 && Pieces[run.First].Cell == codeCell) || LinkWords.IsCodeWord(text) || (CodeHosts.Contains(uri.Host) && LinkWords.IsLinkWord(text)))
            {
                return entryLink.Url;
            }
        }

        return null;
    }

    /// <summary>
    /// What is left once the title, nickname, authors, links and table data are taken out, line by line and cell by
    /// cell. What was taken out of the middle of a sentence stays in it ("We liked [LoRA: …](…) a lot").
    /// </summary>
    private string Rest()
    {
        bool Dropped(int j) =>
            _used.Contains(j) || (Pieces[j].Link >= 0 && (EntryModel.PaperKey(_entry.Links[Pieces[j].Link]) is not null || LinkWords.IsLinkWord(_linkTexts[Pieces[j].Link])));

        var parts = new List<string>();
        foreach (var (first, last) in Groups(_start, _end))
        {
            if (IsDataCell(Pieces[first].Cell) || ColumnRoles.At(_roles, Pieces[first].Cell) is ColumnRole.Name or ColumnRole.Title or ColumnRole.Authors)
            {
                continue;
            }

            if (_fieldAt.TryGetValue(first, out var field))
            {
                if (field.Role == FieldRole.Note && TitleText.Tidy(field.Value) is { Length: > 0 } value)
                {
                    parts.Add(value);
                }

                continue;
            }

            // A line ending in a colon introduces what follows ("Foundation models:"); it says nothing of the paper.
            var line = Concat(first, last, _ => true).TrimEnd();
            if (line.EndsWith(':') || line.EndsWith('：'))
            {
                continue;
            }

            if (TitleText.Tidy(LinkWords.WithoutLabels(Kept(first, last, Dropped))) is { Length: > 0 } tidy)
            {
                parts.Add(tidy);
            }
        }

        var rest = string.Join(_roles is null ? " " : " · ", parts);
        foreach (var taken in _usedText)
        {
            var at = rest.IndexOf(taken, StringComparison.Ordinal);
            rest = at < 0 ? rest : rest.Remove(at, taken.Length);
        }

        return rest;
    }

    /// <summary>
    /// The text of a line without what was taken out of it, except a run taken from the middle of a sentence, with
    /// words right before and after it ("We liked [LoRA: …](…) a lot"): that stays, so the sentence still reads.
    /// </summary>
    private string Kept(int first, int last, Func<int, bool> dropped)
    {
        var runs = new List<(string Text, bool Dropped)>();
        for (var j = first; j <= last; j++)
        {
            if (Pieces[j].Kind != PieceKind.Text)
            {
                continue;
            }

            var drop = dropped(j);
            if (runs.Count > 0 && runs[^1].Dropped == drop)
            {
                runs[^1] = (runs[^1].Text + Pieces[j].Text, drop);
            }
            else
            {
                runs.Add((Pieces[j].Text, drop));
            }
        }

        var builder = new StringBuilder();
        var wordBefore = false;
        for (var i = 0; i < runs.Count; i++)
        {
            var (text, drop) = runs[i];
            var inSentence = drop && wordBefore && i + 1 < runs.Count && runs[i + 1].Text.TrimStart() is { Length: > 0 } after && char.IsLetterOrDigit(after[0]);
            if (!drop || inSentence)
            {
                builder.Append(text);
                wordBefore = text.TrimEnd() is { Length: > 0 } kept ? char.IsLetterOrDigit(kept[^1]) : wordBefore;
            }
            else
            {
                builder.Append(' ');
                wordBefore = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Cells whose content is data of their own (venue, date, code, links), never a title.</summary>
    private bool IsDataCell(int cell) =>
        ColumnRoles.At(_roles, cell) is ColumnRole.Venue or ColumnRole.Date or ColumnRole.Code or ColumnRole.Link;

    private int CellOf(ColumnRole role)
    {
        for (var cell = 0; _roles is not null && cell < _roles.Count; cell++)
        {
            if (_roles[cell] == role)
            {
                return cell;
            }
        }

        return -1;
    }

    private string? CellText(ColumnRole role) => _cells.TryGetValue(CellOf(role), out var run) ? run.Text.ToString() : null;

    /// <summary>The runs of pieces between line and cell breaks, as (first, last) piece indices.</summary>
    private IEnumerable<(int First, int Last)> Groups(int from, int to)
    {
        var first = from;
        for (var i = from; i <= to; i++)
        {
            if (i == to || Pieces[i].Kind is PieceKind.LineBreak or PieceKind.CellBreak)
            {
                if (i > first)
                {
                    yield return (first, i - 1);
                }

                first = i + 1;
            }
        }
    }

    private bool OnSameLine(int a, int b)
    {
        for (var i = Math.Min(a, b); i < Math.Max(a, b); i++)
        {
            if (Pieces[i].Kind is PieceKind.LineBreak or PieceKind.CellBreak)
            {
                return false;
            }
        }

        return true;
    }

    private string Concat(int first, int last, Func<int, bool> include)
    {
        var builder = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            if (Pieces[i].Kind == PieceKind.Text && include(i))
            {
                builder.Append(Pieces[i].Text);
            }
        }

        return builder.ToString();
    }

    private void Use(Candidate? candidate)
    {
        if (candidate is null)
        {
            return;
        }

        if (candidate.ByText)
        {
            _usedText.Add(candidate.Text);
        }
        else
        {
            Use(candidate.First, candidate.Last);
        }
    }

    private void Use(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            _used.Add(i);
        }
    }
}
