using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// Writes a generated set to a folder so it can be inspected or fed to other tools: <c>images/&lt;id&gt;-front.jpg</c>
/// (and <c>-back</c>, <c>-selfie</c>), <c>labels.json</c> (every label field) and <c>labels.csv</c> (one row a case).
/// </summary>
public static class DecisionSetWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void WriteImages(string folder, DecisionCase c)
    {
        var images = Directory.CreateDirectory(Path.Combine(folder, "images")).FullName;
        foreach (var (part, bytes) in Files(c))
            File.WriteAllBytes(Path.Combine(images, FileName(c.Label, part, bytes)), bytes);
    }

    public static void WriteLabels(string folder, IReadOnlyList<DecisionLabel> labels)
    {
        Directory.CreateDirectory(folder);
        var rows = labels.Select(Row).ToList();
        File.WriteAllText(Path.Combine(folder, "labels.json"), JsonSerializer.Serialize(rows, Json));
        var csv = new StringBuilder(string.Join(',', rows[0].Keys)).Append('\n');
        foreach (var row in rows)
            csv.AppendLine(string.Join(',', row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        File.WriteAllText(Path.Combine(folder, "labels.csv"), csv.ToString());
    }

    /// <summary>One label as flat columns with the wire names (no value contains a comma).</summary>
    public static Dictionary<string, object?> Row(DecisionLabel l) => new()
    {
        ["id"] = l.Id,
        ["class"] = l.Class.ToWire(),
        ["expected"] = l.Expected,
        ["review_acceptable"] = l.ReviewAcceptable,
        ["document_type"] = l.DocumentType,
        ["capture"] = l.Capture.ToWire(),
        ["design"] = l.Design.ToString().ToLowerInvariant(),
        ["surname"] = l.Holder.Surname,
        ["given_names"] = l.Holder.GivenNames,
        ["birth_date"] = l.Holder.BirthDate,
        ["nationality"] = l.Holder.Nationality,
        ["issuing_state"] = l.IssuingState,
        ["document_number"] = l.DocumentNumber,
        ["expiry_date"] = l.ExpiryDate,
        ["printed_surname"] = l.PrintedSurname,
        ["tampered_field"] = l.Tampered?.Field,
        ["issued_value"] = l.Tampered?.IssuedValue,
        ["portrait_photo"] = l.PortraitPhoto,
        ["selfie_photo"] = l.SelfiePhoto,
        ["selfie_kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(l.SelfieKind.ToString()),
        ["render_seed"] = l.RenderSeed,
    };

    private static IEnumerable<(string Part, byte[] Bytes)> Files(DecisionCase c)
    {
        yield return ("front", c.Front);
        if (c.Back is not null)
            yield return ("back", c.Back);
        yield return ("selfie", c.Selfie);
    }

    private static string FileName(DecisionLabel label, string part, byte[] bytes) =>
        $"{label.Id}-{part}.{(bytes is [0x89, (byte)'P', ..] ? "png" : "jpg")}";
}
