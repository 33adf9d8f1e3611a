using System.CommandLine;
using System.Text.Json;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Pep;

namespace Ekyc.Server.Cli;

/// <summary>
/// <c>lists build-pep --sources DIR [--name pep]</c>: converts the PEP source folders (US Congress and executive, US state
/// executives, UK ministers, CIA world leaders, Wikidata politicians) into one <c>ekyc-jsonl.gz</c> list and imports it
/// into the list store. The same sources give the same list file byte for byte.
/// </summary>
public static class BuildPepCommand
{
    public const string FileName = "pep.jsonl.gz";

    public static Command Create()
    {
        var sources = new Option<string>("--sources") { Description = "Folder holding the source folders (us-congress-legislators/, cia-world-leaders/, …).", Required = true };
        var name = new Option<string>("--name") { Description = "The list's name in the store.", DefaultValueFactory = _ => "pep" };
        var data = ScreeningCliOptions.Data();
        var lists = ScreeningCliOptions.Lists();
        var command = new Command("build-pep", "Build the PEP list from its public sources and store it.") { sources, name, data, lists };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) => Task.FromResult(Run(result.GetValue(sources)!, result.GetValue(name)!, ScreeningCliOptions.ListsFolder(result, data, lists))));
        return command;
    }

    private static int Run(string sources, string name, string folder)
    {
        if (!Directory.Exists(sources))
        {
            Console.Error.WriteLine($"error: no folder {sources}");
            return 2;
        }
        var staging = Directory.CreateTempSubdirectory("ekyc-pep-");
        try
        {
            var built = PepListBuilder.Build(sources, name);
            if (built.Entities.Count == 0)
            {
                Console.Error.WriteLine($"error: no PEP source found in {sources} (expected {string.Join(", ", PepListBuilder.Sources.Select(s => s.Folder))})");
                return 1;
            }
            var file = Path.Combine(staging.FullName, FileName);
            PepListWriter.Write(file, built.Entities);
            var manifest = new ListStore(folder).Import(file, ListFormat.EkycJsonl, name);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                Manifest = manifest,
                RecordsBySource = built.RecordsBySource,
                Entities = built.Entities.Count,
                Names = built.Entities.Sum(e => e.Names.Count),
                Positions = built.Entities.Sum(e => e.Positions.Count),
                WithBirthDate = built.Entities.Count(e => e.BirthDates.Count > 0),
                FileBytes = new FileInfo(file).Length,
            }, ScreeningCliOptions.Json));
            return 0;
        }
        catch (ListLoadException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message} (nothing was changed in {folder})");
            return 1;
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }
}
