namespace Ekyc.Verification.Screening.Loaders;

/// <summary>The list file formats the loaders read, with their command-line names.</summary>
public enum ListFormat
{
    OfacCsv,
    UnXml,
    UsCsl,
    Ftm,
    Senzing,
    /// <summary>Ekyc's own JSON lines (<see cref="EkycJsonRecord"/>), e.g. the PEP list <c>lists build-pep</c> writes.</summary>
    EkycJsonl,
}

public static class ListFormatNames
{
    public static readonly IReadOnlyList<string> All = ["ofac-csv", "un-xml", "us-csl", "ftm", "senzing", "ekyc-jsonl"];

    public static string ToName(this ListFormat format) => format switch
    {
        ListFormat.OfacCsv => "ofac-csv",
        ListFormat.UnXml => "un-xml",
        ListFormat.UsCsl => "us-csl",
        ListFormat.Ftm => "ftm",
        ListFormat.Senzing => "senzing",
        ListFormat.EkycJsonl => "ekyc-jsonl",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static ListFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "ofac-csv" => ListFormat.OfacCsv,
        "un-xml" => ListFormat.UnXml,
        "us-csl" => ListFormat.UsCsl,
        "ftm" => ListFormat.Ftm,
        "senzing" => ListFormat.Senzing,
        "ekyc-jsonl" => ListFormat.EkycJsonl,
        _ => throw new FormatException($"Unknown list format '{name}'; expected one of {string.Join(", ", All)}."),
    };
}
