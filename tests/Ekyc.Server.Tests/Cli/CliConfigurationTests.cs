using System.CommandLine;
using System.Text.Json.Nodes;
using Ekyc.Server.Cli;
using Ekyc.Server.Options;
using Ekyc.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Ekyc.Server.Tests.Cli;

/// <summary>The commands read the server's configuration, and a mistyped command fails instead of serving.</summary>
public class CliConfigurationTests
{
    [Theory]
    [InlineData("foo")]
    [InlineData("foo", "--urls", "http://127.0.0.1:1")]
    [InlineData("--urls", "http://127.0.0.1:1", "foo")]
    [InlineData("serve", "frobnicate")]
    [InlineData("keys", "list", "frobnicate")]
    [InlineData("users", "frobnicate")]
    [InlineData("screening", "evaluate", "--benchmarks", "/nonexistent", "frobnicate")]
    public async Task An_unknown_command_fails_with_a_message_instead_of_starting_the_server(params string[] args)
    {
        var (exitCode, _, error) = await InvokeAsync(args);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(args.First(a => a is "foo" or "frobnicate"), error);
    }

    [Theory]
    [InlineData(new[] { "--urls", "http://+:8080" }, null)]
    [InlineData(new[] { "--Ekyc:DataPath=/var/lib/ekyc", "--urls", "http://+:8080" }, null)]
    [InlineData(new[] { "Ekyc:DataPath=/var/lib/ekyc" }, null)]
    [InlineData(new[] { "--urls", "http://+:8080", "foo" }, "foo")]
    [InlineData(new[] { "-x" }, "-x")]
    [InlineData(new[] { "--" }, "--")]
    public void Only_option_like_tokens_go_to_the_configuration(string[] tokens, string? stray) =>
        Assert.Equal(stray, ConfigurationArguments.FirstStray(tokens));

    [Fact]
    public async Task Inspect_judges_with_the_servers_face_thresholds_and_models_path()
    {
        var folder = Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        var (portrait, selfie) = (Path.Combine(folder, "portrait.jpg"), Path.Combine(folder, "selfie.jpg"));
        await File.WriteAllBytesAsync(portrait, Photos.Read("cage.jpg"));
        await File.WriteAllBytesAsync(selfie, Photos.Read("cage2_crop.jpg"));

        var (exitCode, output, _) = await InvokeAsync(["inspect", "face", portrait, selfie]);
        Assert.Equal(0, exitCode);
        Assert.Equal("pass", JsonNode.Parse(output)!["face_match"]!["status"]!.GetValue<string>());

        // The same pair under a configuration that demands near-identical faces fails, as the server so configured would.
        (exitCode, output, _) = await InvokeAsync(["inspect", "face", portrait, selfie, "--Ekyc:Faces:MatchPassThreshold=0.99", "--Ekyc:Faces:MatchFailThreshold=0.98"]);
        Assert.Equal(0, exitCode);
        Assert.Equal("fail", JsonNode.Parse(output)!["face_match"]!["status"]!.GetValue<string>());

        // A models folder from the configuration is where the models are looked for: this one holds none.
        (exitCode, _, var error) = await InvokeAsync(["inspect", "face", portrait, selfie, $"--Ekyc:ModelsPath={folder}"]);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(folder, error);
    }

    [Fact]
    public async Task Lists_status_reads_the_data_path_from_the_configuration_and_an_explicit_flag_wins()
    {
        var configured = Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        var explicitData = Directory.CreateTempSubdirectory("ekyc-test-").FullName;

        var (exitCode, output, _) = await InvokeAsync(["lists", "status", $"--Ekyc:DataPath={configured}"]);
        Assert.Equal(0, exitCode);
        Assert.Equal(Path.Combine(configured, "lists"), JsonNode.Parse(output)!["folder"]!.GetValue<string>());

        (exitCode, output, _) = await InvokeAsync(["lists", "status", $"--Ekyc:DataPath={configured}", "--data", explicitData]);
        Assert.Equal(0, exitCode);
        Assert.Equal(Path.Combine(explicitData, "lists"), JsonNode.Parse(output)!["folder"]!.GetValue<string>());

        (exitCode, output, _) = await InvokeAsync(["lists", "status", $"--Ekyc:DataPath={configured}", $"--Ekyc:Screening:ListsPath={explicitData}"]);
        Assert.Equal(0, exitCode);
        Assert.Equal(explicitData, JsonNode.Parse(output)!["folder"]!.GetValue<string>());
    }

    [Fact]
    public void The_appsettings_beside_the_executable_are_read_when_the_content_root_is_elsewhere()
    {
        var contentRoot = Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")), "the server's appsettings.json is copied to the output");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot });
        ConfigurationSources.AddServerDefaults(builder.Configuration);
        Assert.Equal("40000000", builder.Configuration["Ekyc:Uploads:MaxPixels"]);
        Assert.Equal("Warning", builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"]);

        File.WriteAllText(Path.Combine(contentRoot, "appsettings.json"), """{ "Ekyc": { "Uploads": { "MaxPixels": 1234 } } }""");
        var local = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot });
        ConfigurationSources.AddServerDefaults(local.Configuration);
        Assert.Equal("1234", local.Configuration["Ekyc:Uploads:MaxPixels"]);
        Assert.Equal("40000000", ConfigurationSources.ForCli([])["Ekyc:Uploads:MaxPixels"]);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliRoot.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
