using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Calibration;
using Ekyc.Verification.Models;

namespace Ekyc.Server.Cli;

/// <summary>
/// <c>calibrate faces [--photos PATH]</c>: genuine and impostor similarity distributions and FAR/FRR per
/// threshold over a labelled photo folder (default <c>tests/data/photos</c>).
/// </summary>
public static class CalibrateFacesCommand
{
    /// <param name="name">The command's name: <c>faces</c> under its parent, or a top-level alias.</param>
    public static Command Create(string name = "faces")
    {
        var photos = new Option<string?>("--photos") { Description = $"Folder with {CalibrationManifest.FileName} (default: tests/data/photos found upwards)." };
        var models = EngineCliSettings.ModelsOption();
        var json = new Option<bool>("--json") { Description = "Print the full report, every pair included, as JSON." };
        var command = new Command(name, "Print genuine/impostor similarity distributions and FAR/FRR per threshold.");
        command.Options.Add(photos);
        command.Options.Add(models);
        command.Options.Add(json);
        EngineCliSettings.AcceptConfiguration(command);
        command.SetAction((result, _) =>
        {
            var folder = result.GetValue(photos) ?? FindPhotos();
            if (folder is null || !File.Exists(Path.Combine(folder, CalibrationManifest.FileName)))
            {
                Console.Error.WriteLine($"No {CalibrationManifest.FileName} found; pass --photos (fetch the photos with `node tools/fetch-pinned.mjs tests/data/photos`).");
                return Task.FromResult(2);
            }
            var settings = EngineCliSettings.Read(result, models);
            using var store = ModelStore.Locate(settings.ModelsPath);
            var options = settings.Faces;
            using var analyzer = new FaceAnalyzer(store, options);
            var report = FaceCalibration.Run(analyzer, CalibrationManifest.Load(folder), options);
            Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(report, InspectFaceCommand.Json) : Format(report, options));
            return Task.FromResult(0);
        });
        return command;
    }

    private static string Format(CalibrationReport report, FaceOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string> { $"Faces: {report.Faces}", "", "| pairs | n | min | p05 | median | p95 | max |", "|---|---|---|---|---|---|---|" };
        lines.AddRange(report.Distributions.Select(d => string.Format(inv, "| {0} | {1} | {2:F3} | {3:F3} | {4:F3} | {5:F3} | {6:F3} |",
            d.Key, d.Value.Count, d.Value.Min, d.Value.P05, d.Value.Median, d.Value.P95, d.Value.Max)));
        lines.AddRange(["", "| threshold | false accepts | FAR | false rejects | FRR |", "|---|---|---|---|---|"]);
        lines.AddRange(report.Rows.Select(r => string.Format(inv, "| {0:F2}{5} | {1} | {2:P2} | {3} | {4:P2} |",
            r.Threshold, r.FalseAccepts, r.FalseAcceptRate, r.FalseRejects, r.FalseRejectRate,
            Math.Abs(r.Threshold - options.MatchPassThreshold) < 1e-9 ? " (pass)" : Math.Abs(r.Threshold - options.MatchFailThreshold) < 1e-9 ? " (fail below)" : "")));
        lines.Add("");
        lines.Add("Lowest genuine pairs: " + string.Join(", ", report.Pairs.Where(p => p.Genuine).OrderBy(p => p.Similarity).Take(3).Select(p => $"{p.A}~{p.B} {p.Similarity.ToString("F3", inv)}")));
        lines.Add("Highest impostor pairs: " + string.Join(", ", report.Pairs.Where(p => !p.Genuine).OrderByDescending(p => p.Similarity).Take(3).Select(p => $"{p.A}~{p.B} {p.Similarity.ToString("F3", inv)}")));
        lines.AddRange(report.Problems.Select(p => "Problem: " + p));
        return string.Join(Environment.NewLine, lines);
    }

    private static string? FindPhotos()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "photos");
            if (File.Exists(Path.Combine(candidate, CalibrationManifest.FileName)))
                return candidate;
        }
        return null;
    }
}
