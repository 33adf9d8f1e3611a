using System.Reflection;
using System.Text.RegularExpressions;
using Ekyc.Core.Checks;
using Ekyc.Server.Sandbox;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using Ekyc.Verification.Screening;

namespace Ekyc.Server.Tests.Sandbox;

/// <summary>The sandbox offers exactly the reason codes the engines emit: a new engine code without a sandbox entry fails here.</summary>
public partial class SandboxReasonsTests
{
    [Fact]
    public void Every_reason_the_document_engine_writes_can_be_scripted()
    {
        var source = Path.Combine(RepoRoot(), "src", "Ekyc.Verification", "Documents");
        var written = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => SignalReason().Matches(File.ReadAllText(file)).Select(m => m.Groups["reason"].Value))
            .Concat(ImageRejection().Matches(File.ReadAllText(Path.Combine(source, "Imaging", "ImageDecoder.cs"))).Select(m => m.Groups["reason"].Value))
            .Append("document_checks_passed")
            .ToHashSet();

        Assert.True(written.Count > 25, $"only {written.Count} codes found: the pattern no longer matches the engine's source");
        Assert.Empty(written.Except(SandboxReasons.Document));
        Assert.Empty(SandboxReasons.Document.Except(written));
    }

    [Fact]
    public void Every_face_and_screening_reason_constant_can_be_scripted_on_its_check()
    {
        var face = Constants(typeof(FaceReasons)).Concat(Constants(typeof(ChallengeEvaluator))).ToHashSet();
        Assert.Empty(face.Except(SandboxReasons.FaceMatch.Concat(SandboxReasons.FaceLiveness)));
        Assert.Empty(Constants(typeof(ScreeningReasons)).Except(SandboxReasons.For(CheckNames.SanctionsScreening)));
        Assert.Empty(Constants(typeof(ScreeningReasons)).Except(SandboxReasons.For(CheckNames.PepScreening)));
        Assert.Contains("selfie_image_undecodable", SandboxReasons.For(CheckNames.FaceLiveness));
        Assert.All(CheckNames.All, check => Assert.Contains(CommonReasons.EngineUnavailable, SandboxReasons.For(check)));
    }

    [Fact]
    public void Each_default_reason_belongs_to_its_check()
    {
        foreach (var check in CheckNames.All)
            foreach (var status in SandboxReasons.StatusesOf(check))
                Assert.Contains(SandboxReasons.DefaultReason(check, CheckStatusNames.Parse(status)), SandboxReasons.For(check));
    }

    [Fact]
    public void The_readme_sandbox_section_lists_every_reason_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var start = readme.IndexOf("## Sandbox (test keys)", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no Sandbox section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var all = CheckNames.All.SelectMany(SandboxReasons.For).Distinct();
        Assert.DoesNotContain(all, reason => !section.Contains($"`{reason}`", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ekyc.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Ekyc.slnx not found above the test's folder.");
    }

    /// <summary><c>Failed("code", "reason", …)</c> and <c>ToReview(…)</c>: the signals that become the check's reason codes.</summary>
    [GeneratedRegex("""(?:Failed|ToReview)\((?:\$?"[^"]*"|[a-z]\w*),\s*"(?<reason>[a-z_]+)"\s*[,)]""")]
    private static partial Regex SignalReason();

    [GeneratedRegex("""new\("(?<reason>image_[a-z_]+)",""")]
    private static partial Regex ImageRejection();
}
