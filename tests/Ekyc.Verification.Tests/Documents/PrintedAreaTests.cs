using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>Where a card's print lies in its photo, from the detected text regions alone.</summary>
public class PrintedAreaTests
{
    /// <summary>
    /// A card's rows of labels and values (text 10 px high, a row apart) and, well off to the side, a receipt's few rows:
    /// the card's group is taken, the receipt left out.
    /// </summary>
    [Fact]
    public void The_cards_print_is_told_from_other_print_in_the_frame()
    {
        var card = Enumerable.Range(0, 6).Select(row => Region(400, 300 + 25 * row, 200, 10)).Append(Region(380, 270, 320, 12));
        var receipt = Enumerable.Range(0, 3).Select(row => Region(1500, 1000 + 25 * row, 150, 10));

        var area = PrintedArea.Largest([.. receipt, .. card], 0)!;

        Assert.All(area.Corners, c => Assert.InRange(c.X, 200, 600));
        Assert.Equal(320, area.Width, 0.5);
        Assert.Equal(300 + 25 * 5 + 5 - (270 - 6), area.Height, 0.5);
        Assert.Equal(320f / 2000, area.ShareOf(2000, 1500), 3);
    }

    [Fact]
    public void No_regions_give_no_area() => Assert.Null(PrintedArea.Largest([], 0));

    private static TextRegion Region(float x, float y, float width, float height) => new(new RotatedBox(x, y, width, height, 0), 0.9f);
}
