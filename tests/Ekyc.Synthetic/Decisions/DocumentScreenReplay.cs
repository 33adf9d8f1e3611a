using Ekyc.Synthetic.Capture;
using static Ekyc.Synthetic.Decisions.DocumentCapture;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// A document image shown on a phone or monitor screen and photographed, as a fraudster holding only someone's
/// document image (a leaked scan) presents it: the screen and camera models of the screen-recapture tests, the screen's
/// pixel grid at 1.2–3.5 camera pixels per screen pixel (below about 1.15 the camera folds it into moiré), the document
/// 900–1,400 camera pixels wide so that its MRZ stays readable, as the fraudster wants.
/// </summary>
public static class DocumentScreenReplay
{
    public static byte[] Photograph(byte[] document, Random random, int seed)
    {
        using var page = Decode(document);
        var ratio = Uniform(random, 1.2, 3.5);
        var screen = ScreenModel.Ordinary(random);
        var screenWidth = (int)(Uniform(random, 900, 1400) / ratio);
        return SimulatedCamera.Photograph(new ScreenScene(page, screenWidth, screen), new CameraShot
        {
            Scale = ratio,
            RotationDegrees = Uniform(random, -6, 6),
            Keystone = Uniform(random, -0.06, 0.06),
            LensBlur = Uniform(random, 0.4, 1.0),
            Noise = Uniform(random, 0.003, 0.015),
            Bayer = random.Next(5) != 0,
            JpegQuality = random.Next(75, 93),
            Seed = seed,
        });
    }
}
