using System.Text;
using System.Text.Json;
using Ekyc.Verification.Documents.Aamva;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>All 67 AAMVA payloads of the IdParser test set against the manifest's expectations.</summary>
public sealed class AamvaManifestTests
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(TestData.File("aamva", "manifest.json"))).RootElement;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Manifest.GetProperty("samples").EnumerateArray())
            data.Add(sample.GetProperty("file").GetString()!);
        return data;
    }

    [Fact]
    public void Manifest_lists_all_67_payloads() => Assert.Equal(67, Samples().Count);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Payload_meets_the_manifest(string file)
    {
        var sample = Manifest.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("file").GetString() == file);
        var payload = Encoding.UTF8.GetString(File.ReadAllBytes(TestData.File(file.Split('/'))));

        var result = AamvaParser.Parse(payload);

        Assert.True(result.Licence is not null, result.Error);
        var licence = result.Licence!;
        var header = sample.GetProperty("header");
        Assert.Equal(header.GetProperty("iin").GetString(), licence.Header.Iin);
        Assert.Equal(header.GetProperty("aamvaVersion").GetInt32(), licence.Header.Version);
        Assert.Equal(header.GetProperty("fileType").GetString(), licence.Header.FileType);
        if (header.TryGetProperty("jurisdictionVersion", out var jv))
            Assert.Equal(jv.GetInt32(), licence.Header.JurisdictionVersion);
        Assert.NotNull(licence.IdNumber);
        foreach (var expected in sample.GetProperty("expected").EnumerateArray())
            foreach (var field in expected.EnumerateObject().Where(f => !f.Name.StartsWith('_')))
                Assert.True(field.Value.GetString() == Actual(licence, field.Name),
                    $"{field.Name}: expected '{field.Value.GetString()}', got '{Actual(licence, field.Name)}'");
    }

    private static string? Actual(AamvaLicence l, string field) => field switch
    {
        "First" => l.First,
        "Middle" => l.Middle,
        "Last" => l.Last,
        "Suffix" => l.Suffix,
        "StreetLine1" => l.StreetLine1,
        "StreetLine2" => l.StreetLine2,
        "City" => l.City,
        "JurisdictionCode" => l.JurisdictionCode,
        "PostalCode" => l.PostalCode,
        "IdNumber" => l.IdNumber,
        "VehicleClass" => l.VehicleClass,
        "DateOfBirth" => l.DateOfBirth?.ToString("yyyy-MM-dd"),
        "IssueDate" => l.IssueDate?.ToString("yyyy-MM-dd"),
        "ExpirationDate" => l.ExpirationDate?.ToString("yyyy-MM-dd"),
        "RevisionDate" => l.RevisionDate?.ToString("yyyy-MM-dd"),
        "Sex" => l.Sex,
        "AamvaVersion" => l.Header.StandardName,
        "Country" => l.Country,
        "ComplianceType" => l.ComplianceType,
        _ => throw new InvalidOperationException($"unmapped field {field}"),
    };
}
