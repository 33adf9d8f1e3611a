using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Models;

namespace Ekyc.Server.Cli;

/// <summary>
/// <c>inspect document FRONT [--back BACK] [--type TYPE]</c>: runs the document engine on local images and prints
/// <c>document_authenticity</c> and <c>extracted_data</c> as in the session report.
/// </summary>
public static class InspectDocumentCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // MRZ fillers stay readable: '<' rather than \u003C (the output is a terminal, not HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create()
    {
        var front = new Argument<string>("front") { Description = "Front image (JPEG, PNG or WebP)." };
        var back = new Option<string?>("--back") { Description = "Back image (ID-1 cards carry the MRZ, licences the PDF417 barcode there)." };
        var type = new Option<string?>("--type") { Description = "Declared type: passport, id_card, driving_licence or residence_permit." };
        var models = EngineCliSettings.ModelsOption();
        var command = new Command("document", "Read and verify an identity document.");
        command.Arguments.Add(front);
        command.Options.Add(back);
        command.Options.Add(type);
        command.Options.Add(models);
        EngineCliSettings.AcceptConfiguration(command);
        command.SetAction((result, token) => Task.FromResult(Run(
            result.GetValue(front)!, result.GetValue(back), result.GetValue(type), EngineCliSettings.Read(result, models), token)));
        return command;
    }

    private static int Run(string front, string? back, string? type, EngineCliSettings settings, CancellationToken token)
    {
        foreach (var path in new[] { front, back }.OfType<string>())
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"No such file: {path}");
                return 2;
            }
        }
        using var models = ModelStore.Locate(settings.ModelsPath);
        var verifier = new DocumentVerifier(models, settings.Documents);
        var images = new DocumentImages(File.ReadAllBytes(front), back is null ? null : File.ReadAllBytes(back), type);
        var result = verifier.Verify(images, DateOnly.FromDateTime(DateTime.UtcNow), token);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["document_authenticity"] = result.Authenticity,
            ["extracted_data"] = result.Extracted,
        }, Json));
        return 0;
    }
}
