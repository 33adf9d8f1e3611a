using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Ocr;
using SkiaSharp;
using Xunit.Abstractions;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// The first MRZ box fitted to its ink: on blurred phone photos the detector's box is centred on the line but too tall
/// for it, the recogniser reads the text unsure and the re-read path runs; fitted only from 14 px per character.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class MrzBoxFitTests(OcrFixture ocr, ITestOutputHelper output)
{
    private static readonly DecisionSetGenerator Generator = OcrFixture.DecisionSet();

    [Fact]
    public void The_ink_band_is_found_where_the_line_is_drawn()
    {
        using var image = Line(top: 45, bottom: 65);

        var band = InkBand.Measure(image, new RotatedBox(200, 50, 300, 30, 0));

        Assert.NotNull(band);
        Assert.InRange(band.Value.Offset, 4.5f, 5.5f); // the band's centre (55) lies below the box's (50)
        Assert.InRange(band.Value.Height, 19f, 21f);
    }

    [Fact]
    public void A_paper_box_has_no_ink_band()
    {
        using var image = Line(top: 45, bottom: 65);

        Assert.Null(InkBand.Measure(image, new RotatedBox(200, 150, 300, 30, 0)));
    }

    [Fact]
    public void A_box_too_tall_for_its_ink_is_cut_to_it_and_centred()
    {
        using var image = Line(top: 45, bottom: 65, width: 600);

        var fitted = MrzReader.FitToInk(image, new RotatedBox(300, 52, 480, 34, 0)); // 16 px per character at 30

        Assert.InRange(fitted.CenterY, 54.5f, 55.5f);
        Assert.InRange(fitted.Height, 1.15f * 19f, 1.15f * 21f);
        Assert.Equal((300f, 480f, 0f), (fitted.CenterX, fitted.Width, fitted.Angle));
    }

    [Fact]
    public void A_box_that_fits_its_ink_is_left_as_detected()
    {
        using var image = Line(top: 45, bottom: 65, width: 600);
        var box = new RotatedBox(300, 56, 480, 25, 0);

        Assert.Equal(box, MrzReader.FitToInk(image, box));
    }

    /// <summary>Below 14 px per character a fitted box read surely and wrongly where the detector's read unsure (documents-accuracy).</summary>
    [Fact]
    public void A_line_finer_than_14_px_per_character_keeps_its_box()
    {
        using var image = Line(top: 45, bottom: 65, width: 600);
        var box = new RotatedBox(300, 52, 13.5f * 30, 34, 0);

        Assert.Equal(box, MrzReader.FitToInk(image, box));
        Assert.NotEqual(box, MrzReader.FitToInk(image, box with { Width = 14.5f * 30 }));
    }

    [Fact]
    public void A_line_as_long_as_a_td3_s_keeps_its_box()
    {
        using var image = Line(top: 45, bottom: 65, width: 1400);
        var box = new RotatedBox(700, 52, 1200, 34, 0); // 60 ink heights long

        Assert.Equal(box, MrzReader.FitToInk(image, box));
    }

    [Fact]
    public void A_fitted_box_is_never_so_low_that_the_recogniser_would_squeeze_its_crop()
    {
        using var image = Line(top: 45, bottom: 65, width: 800);

        var fitted = MrzReader.FitToInk(image, new RotatedBox(400, 52, 700, 34, 0));

        // 48 px high, 700 × 48 / 27.3 = 1,232 px wide: the recogniser's widest MRZ crop.
        Assert.InRange(fitted.Height, 27.2f, 27.4f);
        Assert.InRange(fitted.CenterY, 54.5f, 55.5f);
    }

    /// <summary>
    /// Backs of ID cards photographed at ~150 dpi under uneven light (decision set, seed 22), whose detector boxes were
    /// 1.5–1.6 × their ink band: read exactly from the fitted boxes, with no line read again.
    /// </summary>
    [Theory]
    [InlineData("genuine_id_card-001")]
    [InlineData("genuine_id_card-005")]
    public void A_phone_photo_of_an_id_card_reads_its_mrz_surely_at_the_first_box(string id)
    {
        var label = Generator.Plan(3, 22).Single(l => l.Id == id);
        var (_, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        output.WriteLine($"confidence {reading.Confidence:F3}, re-read recognitions {reading.RereadRecognitions}");
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse!.Mrz!.Lines);
        Assert.Equal(0, reading.RereadRecognitions);
    }

    /// <summary>A white page with a line of dark ink between two rows, blurred at its edges as a camera would.</summary>
    private static SKBitmap Line(int top, int bottom, int width = 400)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, 200, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(30, 30, 30), ImageFilter = SKImageFilter.CreateBlur(0.8f, 0.8f) };
        for (var x = 60; x < width - 60; x += 12)
            canvas.DrawRect(x, top, 8, bottom - top, ink);
        return bitmap;
    }
}
