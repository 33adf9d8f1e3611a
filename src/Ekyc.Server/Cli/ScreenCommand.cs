using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Server.Cli;

/// <summary><c>screen --name … [--dob …] [--nationality …]</c>: screens one name against the stored lists and prints the matches as JSON.</summary>
public static class ScreenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The name to screen, in any script.", Required = true };
        var dob = new Option<string?>("--dob") { Description = "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD." };
        var nationality = new Option<string?>("--nationality") { Description = "Nationality: ISO/ICAO code or country name." };
        var kind = new Option<string>("--kind") { Description = "person | organization | any", DefaultValueFactory = _ => "person" };
        kind.AcceptOnlyFromAmong("person", "organization", "any");
        var minScore = new Option<double?>("--min-score") { Description = "Lowest score shown; default: the review threshold." };
        var data = ScreeningCliOptions.Data();
        var lists = ScreeningCliOptions.Lists();
        var command = new Command("screen", "Screen a name against the sanctions and PEP lists.") { name, dob, nationality, kind, minScore, data, lists };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) =>
        {
            var folder = ScreeningCliOptions.ListsFolder(result, data, lists);
            var dobText = result.GetValue(dob);
            var birth = BirthDate.ParseIso(dobText);
            if (dobText is not null && birth is null)
            {
                Console.Error.WriteLine($"error: '{dobText}' is not a plausible date of birth (YYYY, YYYY-MM or YYYY-MM-DD, 1850..2100).");
                return Task.FromResult(2);
            }
            var service = new ScreeningService(new ScreeningOptions());
            var watch = Stopwatch.StartNew();
            var report = service.Reload(folder);
            var loadMs = watch.ElapsedMilliseconds;
            foreach (var error in report.Errors)
            {
                Console.Error.WriteLine($"warning: {error}");
            }
            var query = new ScreeningQuery(result.GetValue(name)!, birth, result.GetValue(nationality), result.GetValue(kind) switch
            {
                "organization" => EntityKind.Organization,
                "any" => EntityKind.Unknown,
                _ => EntityKind.Person,
            }, result.GetValue(minScore));
            watch.Restart();
            var matches = service.Search(query);
            var output = new
            {
                Query = new { query.Name, DateOfBirth = birth?.ToString(), query.Nationality },
                Lists = report.Version,
                service.Options.HitThreshold,
                service.Options.ReviewThreshold,
                LoadMs = loadMs,
                SearchMs = Math.Round(watch.Elapsed.TotalMilliseconds, 3),
                Matches = matches.Select(MatchEvidence.From),
            };
            Console.WriteLine(JsonSerializer.Serialize(output, ScreeningCliOptions.Json));
            return Task.FromResult(report.Lists.Count == 0 ? 3 : 0);
        });
        return command;
    }
}
