using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>Measurements the browser tests take along the way (never asserted on), appended to <c>TestResults/capture-metrics.jsonl</c>.</summary>
public static class Metrics
{
    private static readonly Lock Gate = new();

    public static void Record(string name, object values)
    {
        var line = new JsonObject { ["name"] = name, ["at"] = DateTimeOffset.UtcNow.ToString("O"), ["values"] = JsonSerializer.SerializeToNode(values) };
        var path = Path.Combine(Repo.Root, "tests", "Ekyc.Capture.Tests", "TestResults", "capture-metrics.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        lock (Gate)
            File.AppendAllText(path, line.ToJsonString() + "\n");
    }
}
