using Ekyc.Verification.Documents.Mrz;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>Round-trip and tamper-detection properties of the MRZ writer and parser.</summary>
public sealed class MrzPropertyTests
{
    [Property(MaxTest = 400)]
    public Property Any_valid_mrz_parses_back_to_its_fields() =>
        Prop.ForAll(MrzGenerators.Fields().ToArbitrary(), fields =>
        {
            foreach (var autocorrect in new[] { false, true })
            {
                var mrz = MrzParser.Parse(MrzWriter.Write(fields), autocorrect).Mrz!;
                var (surname, given) = ExpectedNames(fields);
                var ok = mrz.ChecksValid && mrz.FieldErrors.Count == 0 && mrz.Corrections.Count == 0
                    && mrz.Format == fields.Format
                    && mrz.DocumentNumber == fields.DocumentNumber
                    && mrz.IssuingState == fields.IssuingState && mrz.Nationality == fields.Nationality
                    && mrz.BirthDate == fields.BirthDate && mrz.ExpiryDate == fields.ExpiryDate
                    && mrz.Sex == fields.Sex.ToString()
                    && mrz.PrimaryIdentifier == surname && mrz.SecondaryIdentifier == given
                    && (mrz.PersonalNumber ?? mrz.OptionalData ?? mrz.Optional1) == fields.Optional;
                if (!ok)
                    return false.Label($"autocorrect={autocorrect}: {string.Join(" / ", mrz.Lines)} → {mrz}");
            }
            return true.ToProperty();
        });

    /// <summary>
    /// A changed character that a check digit covers is either caught (a check digit or a field rule fails), or
    /// repaired to the original, or repaired by a reported check-digit-guided swap. The one blind spot of the 7-3-1
    /// scheme is excluded: two characters whose values differ by a multiple of 10 (0/A/K/U, 1/B/L/V, &lt;/0…) in an
    /// alphanumeric field have the same weight in every sum.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Any_single_character_change_is_detected_or_corrected() =>
        Prop.ForAll(MrzGenerators.SingleEdit().ToArbitrary(), edit =>
        {
            var lines = edit.Lines.Select(l => l.ToCharArray()).ToArray();
            var from = lines[edit.Line][edit.Column];
            lines[edit.Line][edit.Column] = edit.To;
            var original = MrzParser.Parse(edit.Lines).Mrz!;
            var invisible = (CheckDigit.ValueOf(from) - CheckDigit.ValueOf(edit.To)) % 10 == 0;
            var changed = lines.Select(l => new string(l)).ToList();

            var plain = MrzParser.Parse(changed).Mrz!;
            var plainDetected = !plain.ChecksValid || plain.FieldErrors.Count > 0;
            var fixedUp = MrzParser.Parse(changed, autocorrect: true).Mrz!;
            var restored = fixedUp.Lines.SequenceEqual(original.Lines);
            var reported = fixedUp.Corrections.Count > 0 || !fixedUp.ChecksValid || fixedUp.FieldErrors.Count > 0;
            return (invisible || (plainDetected && (restored || reported)))
                .Label($"{string.Join(" / ", changed)}: plain detected={plainDetected}, fix-up restored={restored}, reported={reported}");
        });

    private static (string Surname, string Given) ExpectedNames(MrzFields fields)
    {
        var width = fields.Format switch { MrzFormat.Td1 => 30, MrzFormat.Td2 => 31, _ => 39 };
        var names = MrzWriter.Names(fields.Surname, fields.GivenNames);
        names = names.Length > width ? names[..width] : names;
        return MrzText.SplitNames(names);
    }
}
