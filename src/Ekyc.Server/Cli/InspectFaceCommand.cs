using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;

namespace Ekyc.Server.Cli;

/// <summary><c>inspect face DOCUMENT SELFIE [--frame F]…</c>: runs the face engine on files and prints the two check results as JSON.</summary>
public static class InspectFaceCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <param name="name">The command's name: <c>face</c> under its parent, or a top-level alias.</param>
    public static Command Create(string name = "face")
    {
        var document = new Argument<string>("DOCUMENT") { Description = "Image of the document front (the largest face is used)." };
        var selfie = new Argument<string>("SELFIE") { Description = "Selfie image." };
        var frames = new Option<string[]>("--frame") { Description = "Further selfie frames for active liveness (blink or head turn).", AllowMultipleArgumentsPerToken = true };
        var models = EngineCliSettings.ModelsOption();
        var command = new Command(name, "Compare the document portrait with a selfie and judge liveness; prints face_match and face_liveness as JSON.");
        command.Arguments.Add(document);
        command.Arguments.Add(selfie);
        command.Options.Add(frames);
        command.Options.Add(models);
        EngineCliSettings.AcceptConfiguration(command);
        command.SetAction((result, cancellationToken) =>
        {
            var documentPath = result.GetValue(document)!;
            var selfiePaths = new[] { result.GetValue(selfie)! }.Concat(result.GetValue(frames) ?? []).ToList();
            var missing = selfiePaths.Prepend(documentPath).Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                result.InvocationConfiguration.Error.WriteLine("File not found: " + string.Join(", ", missing));
                return Task.FromResult(2);
            }
            var settings = EngineCliSettings.Read(result, models);
            using var store = ModelStore.Locate(settings.ModelsPath);
            using var verifier = new FaceVerifier(store, settings.Faces);
            var verification = verifier.Verify(File.ReadAllBytes(documentPath), selfiePaths.Select(File.ReadAllBytes).ToList(), cancellationToken);
            result.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["face_match"] = verification.Match,
                ["face_liveness"] = verification.Liveness,
            }, Json));
            return Task.FromResult(0);
        });
        return command;
    }
}
