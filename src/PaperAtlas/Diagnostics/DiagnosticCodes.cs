namespace PaperAtlas.Diagnostics;

/// <summary>
/// Stable diagnostic codes. PA1xx: loading files; PA2xx: reading lists; PA3xx: normalising into the graph;
/// PA4xx: rendering and writing. Codes never change meaning once published; retire them instead.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileUnreadable = "PA100";
    public const string FrontMatterSyntax = "PA101";
    public const string FrontMatterField = "PA102";
    public const string FrontMatterUnclosed = "PA103";
    public const string SettingsInvalid = "PA104";
    public const string FileTooLarge = "PA105";
    public const string UnknownField = "PA106";
    public const string NestingTooDeep = "PA107";
    public const string LinkRefused = "PA108";
    public const string SpecialFileRefused = "PA109";
    public const string FileNameNotSlug = "PA110";
    public const string ControlCharacter = "PA111";
    public const string MathTooDeep = "PA112";
    public const string ParseTooCostly = "PA113";
    public const string AcceptedWarningsInvalid = "PA115";
    public const string MetadataRecordInvalid = "PA119";
    public const string MetadataDuplicate = "PA120";
    public const string MetadataFileNotRecord = "PA121";
    public const string DraftLeftOut = "PA117";

    public const string MalformedArxivId = "PA201";
    public const string TableRowCells = "PA202";
    public const string UnknownListShape = "PA203";
    public const string UnmatchedReference = "PA204";
    public const string EntryWithoutPaper = "PA205";
    public const string UnresolvedPathStep = "PA206";
    public const string UnsafeLink = "PA207";
    public const string EmptyFile = "PA208";
    public const string PlaceholderLeft = "PA220";

    public const string TitleConflict = "PA301";
    public const string YearMismatch = "PA302";
    public const string UnmappedSection = "PA303";
    public const string UnknownTopic = "PA304";
    public const string DuplicatePaperFile = "PA305";
    public const string UnknownRelated = "PA306";
    public const string SelfRelated = "PA307";
    public const string UnsafeId = "PA308";
    public const string DuplicateTopic = "PA309";
    public const string DuplicateListSlug = "PA310";
    public const string TooManyMentions = "PA311";
    public const string AcceptedWarningGone = "PA318";

    /// <summary>Many headings of one list map to no topic: one note for them all (PA303 each, under --verbose).</summary>
    public const string UnmappedSectionsSummary = "PA314";

    /// <summary>Many table rows of one list link no paper: one note for them all (PA205 each, under --verbose).</summary>
    public const string EntriesWithoutPaperSummary = "PA315";

    /// <summary>Any other warning repeated in one file: the first few, then one note for the rest (all under --verbose).</summary>
    public const string RepeatedDiagnosticsSummary = "PA316";

    public const string TemplateError = "PA401";
    public const string WriteFailed = "PA402";
    public const string ThemeInsideContent = "PA403";
    public const string LayoutWithoutSafeguards = "PA404";
    public const string OutputOverSource = "PA405";
    public const string OutputNotOurs = "PA406";
    public const string TemplateMissing = "PA409";
    public const string TemplateFailed = "PA410";
}
