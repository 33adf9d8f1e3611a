using System.Text.Json;
using Ekyc.Verification.Documents.Mrz;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The parser against every case of <c>mrz-cases.json</c>: fields, each check digit, and the fix-up cases.</summary>
public sealed class MrzCasesTests
{
    private static readonly JsonElement Root = JsonDocument.Parse(System.IO.File.ReadAllText(TestData.File("mrz-cases.json"))).RootElement;

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private static JsonElement Case(string id) =>
        Root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Parser_agrees_with_case(string id)
    {
        var c = Case(id);
        var lines = c.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        var format = c.GetProperty("format").GetString();
        var expected = c.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        var afterFix = c.TryGetProperty("expectedAfterAutocorrect", out var a) ? a : (JsonElement?)null;

        if (afterFix is { } fixedFields)
        {
            var corrected = MrzParser.Parse(lines, autocorrect: true);
            Assert.True(corrected.Success, corrected.Error);
            AssertFields(fixedFields, corrected.Mrz!);
            Assert.True(corrected.Mrz!.ChecksValid, "after fix-up every check digit should agree");
            Assert.NotEmpty(corrected.Mrz.Corrections);
            return;
        }

        var result = MrzParser.Parse(lines);
        if (expected is null)
        {
            // Non-ICAO driving licences and malformed shapes: refused with a reason, never a wrong parse.
            Assert.False(result.Success, $"{id} ({format}) should not parse as an ICAO MRZ");
            Assert.False(string.IsNullOrEmpty(result.Error));
            return;
        }

        Assert.True(result.Success, result.Error);
        var mrz = result.Mrz!;
        Assert.Equal(format, FormatName(mrz.Format));
        AssertFields(expected.Value, mrz);
        AssertCheckDigits(c.GetProperty("checkDigits"), mrz);
        Assert.Equal(c.GetProperty("checkDigitsValid").GetBoolean(), mrz.ChecksValid);
        Assert.Equal(c.GetProperty("charsetValid").GetBoolean(), mrz.CharsetValid);
        if (mrz.ChecksValid)
            Assert.Empty(mrz.FieldErrors);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Autocorrect_leaves_clean_valid_cases_alone(string id)
    {
        var c = Case(id);
        if (!c.TryGetProperty("checkDigitsValid", out var valid) || valid.ValueKind != JsonValueKind.True)
            return;
        var lines = c.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        // Digits inside name fields (e.g. "SPECIMEN1") are legitimately turned into letters by the fix-up.
        var corrected = MrzParser.Parse(lines, autocorrect: true).Mrz!;
        Assert.True(corrected.ChecksValid);
        Assert.All(corrected.Corrections, x => Assert.Matches("^(names|surname|givenNames):", x.Reason));
    }

    private static string FormatName(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => "TD1",
        MrzFormat.Td2 => "TD2",
        MrzFormat.Td3 => "TD3",
        MrzFormat.MrvA => "MRVA",
        MrzFormat.MrvB => "MRVB",
        MrzFormat.FrenchNationalId => "FRENCH_NATIONAL_ID",
        _ => format.ToString(),
    };

    private static void AssertFields(JsonElement expected, MrzResult mrz)
    {
        foreach (var field in expected.EnumerateObject())
        {
            object? actual = field.Name switch
            {
                "documentCode" => mrz.DocumentCode,
                "issuingState" => mrz.IssuingState,
                "primaryIdentifier" => mrz.PrimaryIdentifier,
                "secondaryIdentifier" => mrz.SecondaryIdentifier,
                "documentNumber" => mrz.DocumentNumber,
                "personalNumber" => mrz.PersonalNumber,
                "nationality" => mrz.Nationality,
                "birthDate" => mrz.BirthDate,
                "sex" => mrz.Sex,
                "expiryDate" => mrz.ExpiryDate,
                "optional1" => mrz.Optional1,
                "optional2" => mrz.Optional2,
                "optionalData" => mrz.OptionalData,
                "administrativeCode" => mrz.AdministrativeCode,
                "longDocumentNumber" => mrz.LongDocumentNumber,
                _ => throw new InvalidOperationException($"unmapped expected field {field.Name}"),
            };
            object? wanted = field.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => field.Value.GetString(),
            };
            Assert.True(Equals(wanted, actual), $"{field.Name}: expected '{wanted}', got '{actual}'");
        }
    }

    private static void AssertCheckDigits(JsonElement expected, MrzResult mrz)
    {
        foreach (var digit in expected.EnumerateObject())
        {
            var check = mrz.Checks.SingleOrDefault(c => c.Field == digit.Name);
            Assert.True(check is not null, $"no check '{digit.Name}' in {string.Join(",", mrz.Checks.Select(c => c.Field))}");
            Assert.Equal(digit.Value.GetProperty("over").GetString(), check.Over);
            Assert.Equal(digit.Value.GetProperty("printed").GetString(), check.Printed.ToString());
            var computed = digit.Value.GetProperty("computed");
            Assert.Equal(computed.ValueKind == JsonValueKind.Null ? null : computed.GetString(), check.Computed?.ToString());
            Assert.True(digit.Value.GetProperty("ok").GetBoolean() == check.Ok, $"{digit.Name}: ok should be {digit.Value.GetProperty("ok")}");
        }
        Assert.Equal(expected.EnumerateObject().Count(), mrz.Checks.Count);
    }
}
