using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The page's outline from its MRZ lines alone, at the sizes ICAO 9303 fixes.</summary>
public class PageOutlineTests
{
    /// <summary>A passport page at 8 px per mm, its MRZ lines 111.76 mm long, the bottom one's centre 4.5 mm above the edge.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(4.0)]
    [InlineData(-4.0)]
    public void A_passport_pages_outline_follows_its_mrz(double degrees)
    {
        var (ux, uy) = ((float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180));
        (float X, float Y) At(float along, float down) => (1000 + along * ux - down * uy, 700 + along * uy + down * ux);
        const float mm = 8;
        var lines = new[] { 4.5f + 4.23f, 4.5f }.Select(up => At(0, -up * mm))
            .Select(c => new RotatedBox(c.X, c.Y, 44 * 2.54f * mm, 3 * mm, (float)degrees)).ToList();

        var page = PageOutline.FromMrz(lines, MrzFormat.Td3)!;

        Assert.Equal(degrees, page.Angle, 2);
        (float X, float Y)[] expected = [At(-62.5f * mm, -88 * mm), At(62.5f * mm, -88 * mm), At(62.5f * mm, 0), At(-62.5f * mm, 0)];
        foreach (var (corner, want) in page.Corners.Zip(expected))
        {
            Assert.Equal(want.X, corner.X, 0.5);
            Assert.Equal(want.Y, corner.Y, 0.5);
        }
        Assert.Equal(125 * 88 * mm * mm / (4000f * 3000), page.ShareOf(4000, 3000), 3);
    }

    /// <summary>A line's box may run right to left (an angle near 180°): the page still lies above its MRZ.</summary>
    [Fact]
    public void A_box_running_backwards_gives_the_same_page()
    {
        var forwards = PageOutline.FromMrz([new RotatedBox(500, 500, 300, 10, 2)], MrzFormat.Td1)!;
        var backwards = PageOutline.FromMrz([new RotatedBox(500, 500, 300, 10, 182)], MrzFormat.Td1)!;

        // The MRZ lies 4.5 mm (18 px) above the bottom edge and the card reaches 54 mm (213 px) above it.
        Assert.Equal(2, forwards.Corners.Count(c => c.Y < 320));
        Assert.All(forwards.Corners, c => Assert.True(c.Y < 530));
        foreach (var (a, b) in forwards.Corners.Zip(backwards.Corners))
        {
            Assert.Equal(a.X, b.X, 0.01);
            Assert.Equal(a.Y, b.Y, 0.01);
        }
    }

    [Fact]
    public void A_format_of_no_fixed_size_has_no_outline() =>
        Assert.Null(PageOutline.FromMrz([new RotatedBox(500, 500, 300, 10, 0)], MrzFormat.FrenchNationalId));

    /// <summary>An MRZ running up or down the picture (a page photographed sideways, read as it came) says not which side is down.</summary>
    [Theory]
    [InlineData(90f)]
    [InlineData(-88f)]
    public void A_sideways_mrz_gives_no_outline(float degrees) =>
        Assert.Null(PageOutline.FromMrz([new RotatedBox(500, 500, 300, 10, degrees)], MrzFormat.Td3));
}
