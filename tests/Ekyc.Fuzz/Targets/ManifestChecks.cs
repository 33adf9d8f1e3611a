using Ekyc.Fuzz.Seeds;
using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Lists;

namespace Ekyc.Fuzz.Targets;

/// <summary>
/// A list store whose one list has the input as its <c>manifest.json</c> (next to a valid Senzing file): listing the
/// store, its manifest errors, loading and checksumming each list must answer, or fail with a
/// <see cref="ListLoadException"/> naming a file (an <see cref="IOException"/> for a file the manifest names but the
/// folder lacks).
/// </summary>
internal static class ManifestChecks
{
    public const string ListName = "fuzzlist";

    private static readonly Lazy<byte[]> ListFile = new(() => System.Text.Encoding.UTF8.GetBytes(
        string.Join('\n', File.ReadLines(RepoFiles.Data("sanctions", "opensanctions", "us_congress_pep.senzing.jsonl")).Take(10))));

    public static void Check(byte[] manifest)
    {
        var root = Directory.CreateTempSubdirectory("ekyc-fuzz-store-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "store", ListName));
            File.WriteAllBytes(Path.Combine(folder.FullName, "senzing.jsonl"), ListFile.Value);
            File.WriteAllBytes(Path.Combine(folder.FullName, ListStore.ManifestFile), manifest);
            var store = new ListStore(Path.Combine(root.FullName, "store"));
            foreach (var error in store.ManifestErrors())
            {
                if (!error.Message.Contains(error.File, StringComparison.Ordinal))
                    throw new TotalityViolation("a manifest error that does not name its file");
            }
            foreach (var listed in store.Manifests())
            {
                try
                {
                    store.CurrentChecksum(listed);
                    store.Load(listed);
                }
                catch (ListLoadException e) when (e.Message.Contains(e.File, StringComparison.Ordinal))
                {
                }
                catch (IOException)
                {
                    // A named file that is not there: the callers (poller, CLI) report it and keep the previous list.
                }
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    public static Corpus Seeds() => new(
    [
        System.Text.Encoding.UTF8.GetBytes($$"""
            {
              "name": "{{ListName}}",
              "format": "senzing",
              "files": [ "senzing.jsonl" ],
              "entity_count": 538,
              "loaded_at": "2026-11-26T10:00:00+00:00",
              "sha256": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
            }
            """),
    ], "a store manifest as ListStore.Import writes it, naming a Senzing file (first ten records of us_congress_pep.senzing.jsonl)");
}
