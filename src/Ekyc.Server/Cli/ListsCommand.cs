using System.CommandLine;
using System.Text.Json;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Server.Cli;

/// <summary>
/// <c>lists import PATH --format … [--name NAME]</c> validates a list file and stores it with a manifest;
/// <c>lists status</c> prints each stored list's name, entity count, load time and checksum; <c>lists build-pep</c>
/// builds the PEP list from its sources (<see cref="BuildPepCommand"/>).
/// </summary>
public static class ListsCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "The list file (for ofac-csv: sdn.csv or cons_prim.csv, or their folder)." };
        var format = new Option<string>("--format") { Description = string.Join(" | ", ListFormatNames.All), Required = true };
        format.AcceptOnlyFromAmong([.. ListFormatNames.All]);
        var name = new Option<string?>("--name") { Description = "The list's name in the store; default: the file name." };
        var data = ScreeningCliOptions.Data();
        var lists = ScreeningCliOptions.Lists();
        var import = new Command("import", "Validate a list file and copy it into the list store.") { path, format, name, data, lists };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, _) => Task.FromResult(Import(result.InvocationConfiguration,
            ScreeningCliOptions.ListsFolder(result, data, lists), result.GetValue(path)!, result.GetValue(format)!, result.GetValue(name))));

        var statusData = ScreeningCliOptions.Data();
        var statusLists = ScreeningCliOptions.Lists();
        var status = new Command("status", "Show the stored lists.") { statusData, statusLists };
        status.TreatUnmatchedTokensAsErrors = false;
        status.SetAction((result, _) => Task.FromResult(Status(result.InvocationConfiguration.Output, ScreeningCliOptions.ListsFolder(result, statusData, statusLists))));
        return new Command("lists", "Manage the sanctions and PEP lists.") { import, status, BuildPepCommand.Create() };
    }

    private static int Import(InvocationConfiguration console, string folder, string path, string format, string? name)
    {
        try
        {
            var manifest = new ListStore(folder).Import(path, ListFormatNames.Parse(format), name);
            console.Output.WriteLine(JsonSerializer.Serialize(manifest, ScreeningCliOptions.Json));
            return 0;
        }
        catch (ListLoadException ex)
        {
            console.Error.WriteLine($"error: {ex.Message} (nothing was changed in {folder})");
            return 1;
        }
    }

    private static int Status(TextWriter output, string folder)
    {
        var store = new ListStore(folder);
        var lists = store.Manifests().Select(m => new
        {
            m.Name,
            m.Format,
            m.EntityCount,
            m.LoadedAt,
            m.Sha256,
            FilesUnchanged = store.CurrentChecksum(m) == m.Sha256,
        }).ToList();
        output.WriteLine(JsonSerializer.Serialize(new { Folder = store.Root, Lists = lists, Errors = store.ManifestErrors().Select(e => e.Message) }, ScreeningCliOptions.Json));
        return 0;
    }
}
