using System.Text.RegularExpressions;

namespace Ekyc.Verification.Documents.Mrz;

/// <summary>Turns MRZ field text into readable values: fillers become single spaces, names split on <c>&lt;&lt;</c>.</summary>
public static partial class MrzText
{
    public static string Clean(string field) => Fillers().Replace(field, " ").Trim();

    /// <summary>Primary identifier (surname) before the first <c>&lt;&lt;</c>, secondary (given names) after it.</summary>
    public static (string Primary, string Secondary) SplitNames(string field)
    {
        var split = field.IndexOf("<<", StringComparison.Ordinal);
        return split < 0 ? (Clean(field), "") : (Clean(field[..split]), Clean(field[(split + 2)..]));
    }

    [GeneratedRegex("<+")]
    private static partial Regex Fillers();
}
