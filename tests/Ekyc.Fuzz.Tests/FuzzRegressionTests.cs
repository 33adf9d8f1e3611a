using Ekyc.Fuzz.Seeds;
using Ekyc.Fuzz.Targets;

namespace Ekyc.Fuzz.Tests;

/// <summary>Every input that ever crashed a parser (<c>tests/data/fuzz/&lt;target&gt;/</c>) now gets an answer.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.EnumerateDirectories(RepoFiles.Data("fuzz")).Order(StringComparer.Ordinal))
            foreach (var file in Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(dir), Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_former_crash_gets_an_answer(string target, string file)
    {
        var crash = FuzzRunner.Execute(FuzzTargets.Get(target), File.ReadAllBytes(RepoFiles.Data("fuzz", target, file)));
        Assert.True(crash is null, $"{crash?.Signature}: {crash?.Message}");
    }

    [Fact]
    public void Every_regression_folder_is_a_target() =>
        Assert.All(Directory.EnumerateDirectories(RepoFiles.Data("fuzz")), dir => Assert.Contains(Path.GetFileName(dir), FuzzTargets.Names));
}
