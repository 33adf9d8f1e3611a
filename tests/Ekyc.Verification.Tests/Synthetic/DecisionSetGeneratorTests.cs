using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Tests.Documents;

namespace Ekyc.Verification.Tests.Synthetic;

/// <summary>The decision bench's labelled set: every label says what its images show, and a seed fixes the set.</summary>
public class DecisionSetGeneratorTests
{
    private static readonly DecisionSetGenerator Generator = OcrFixture.DecisionSet();

    [Fact]
    public void The_same_seed_plans_the_same_set_and_another_seed_another()
    {
        var first = Generator.Plan(3, seed: 5);
        Assert.Equal(first, Generator.Plan(3, seed: 5));
        Assert.NotEqual(first, Generator.Plan(3, seed: 6));
    }

    [Fact]
    public void Each_class_gets_its_count_with_unique_ids()
    {
        var labels = Generator.Plan(4, seed: 1);
        foreach (var c in DecisionClasses.All)
            Assert.Equal(c.AnswersChallenge() ? 8 : 4, labels.Count(l => l.Class == c));
        Assert.Equal(labels.Count, labels.Select(l => l.Id).Distinct().Count());
        Assert.All(labels.Where(l => l.Class.IsGenuine()), l => Assert.Equal(CaptureConditions.FirstFour.Count, labels.Where(o => o.Class == l.Class).Select(o => o.Capture).Distinct().Count()));
    }

    [Fact]
    public void A_generator_over_every_capture_condition_gives_each_genuine_class_all_of_them()
    {
        var generator = new DecisionSetGenerator(FacePhotos.Locate(AppContext.BaseDirectory), OcrFixture.Renderer(), captures: CaptureConditions.All);
        var labels = generator.Plan(CaptureConditions.All.Count, seed: 1);
        Assert.All(DecisionClasses.All.Where(c => c.IsGenuine()),
            c => Assert.Equal(CaptureConditions.All.Count, labels.Where(l => l.Class == c).Select(l => l.Capture).Distinct().Count()));
    }

    [Fact]
    public void Labels_agree_with_what_the_documents_encode()
    {
        foreach (var label in Generator.Plan(4, seed: 2))
        {
            var mrz = MrzParser.Parse(DecisionSetGenerator.MrzLines(label)).Mrz!;
            Assert.Equal(label.Class == DecisionClass.TamperedCheckDigit, !mrz.ChecksValid);
            Assert.Equal(label.Class == DecisionClass.SpecimenDocument, label.IssuingState == "UTO");
            Assert.Equal(label.Class == DecisionClass.ExpiredDocument, string.CompareOrdinal(label.ExpiryDate, "261205") < 0);
            Assert.Equal(label.Class == DecisionClass.PrintedMrzMismatch, label.PrintedSurname is { } printed && printed != label.Holder.Surname);
            Assert.Equal(label.Class == DecisionClass.SanctionedPerson, HolderNames.Listed.Contains(label.Holder));
            Assert.Equal(label.Class.IsGenuine() ? "approved" : "rejected", label.Expected);
            Assert.NotEqual(label.PortraitPhoto, label.SelfiePhoto);
            var portraitOwner = FacePhotos.Identities.Single(i => i.Photos.Any(p => p.Contains(label.PortraitPhoto)));
            Assert.Equal(label.Class != DecisionClass.FaceMismatch, portraitOwner.Photos.Any(p => p.Contains(label.SelfiePhoto)));
        }
    }

    [Fact]
    public void Rendering_a_label_twice_gives_the_same_images()
    {
        var labels = Generator.Plan(1, seed: 3);
        foreach (var label in new[] { labels.First(l => l.Class == DecisionClass.GenuineIdCard && l.Capture == CaptureCondition.Phone150DpiUnevenLight), labels.Single(l => l.Class == DecisionClass.SelfieScreenReplay) })
        {
            var (a, b) = (Generator.Render(label), Generator.Render(label));
            Assert.Equal(a.Front, b.Front);
            Assert.Equal(a.Back, b.Back);
            Assert.Equal(a.Selfie, b.Selfie);
            Assert.Equal(label.DocumentType == "id_card", a.Back is not null);
            var (front, back) = Generator.RenderDocument(label);
            Assert.Equal(a.Front, front);
            Assert.Equal(a.Back, back);
        }
    }

    [Fact]
    public void Names_are_encoded_as_icao_writes_them_and_a_long_one_is_truncated()
    {
        Assert.Equal("OSULLIVAN<<JEAN<BAPTISTE", MrzWriter.Names("O'SULLIVAN", "JEAN-BAPTISTE"));
        // The pools hold particles, hyphens, apostrophes and names too long for a TD1 MRZ.
        Assert.Contains(HolderNames.Surnames, s => s.Contains(' ') && s.Contains('-'));
        Assert.Contains(HolderNames.Surnames, s => s.Contains('\''));
        var card = new MrzFields(MrzFormat.Td1, "ID", "PRT", "DOS SANTOS PEREIRA-CARVALHO", "JOSE MARIA", "AB1234567", "PRT", "900101", 'M', "310101");

        var mrz = MrzParser.Parse(MrzWriter.Write(card)).Mrz!;

        Assert.True(mrz.ChecksValid);
        Assert.Equal(NameTruncation.WithinComponent, mrz.NameTruncation);
        Assert.Equal(("DOS SANTOS PEREIRA CARVALHO", "J"), (mrz.PrimaryIdentifier, mrz.SecondaryIdentifier));
    }
}
