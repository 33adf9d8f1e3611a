using SkiaSharp;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// Writes the YUV4MPEG2 files Chromium's fake camera plays (<c>--use-file-for-fake-video-capture</c>): a text header,
/// then per frame <c>FRAME\n</c> and the I420 planes (full-size Y, quarter-size U and V). Chromium reads the samples
/// as BT.601 video range (Y 16-235), whatever the header's colour space says, so that is what is written: full-range
/// values would blow a white page out to 255.
/// </summary>
public static class Y4m
{
    public static byte[] Encode(SKBitmap frame, int framesPerSecond = 10) => Encode([(frame, 1)], framesPerSecond);

    /// <summary>A clip: each picture held for its number of frames, in order (Chromium loops the file).</summary>
    public static byte[] Encode(IReadOnlyList<(SKBitmap Picture, int Frames)> clip, int framesPerSecond)
    {
        var (w, h) = (clip[0].Picture.Width & ~1, clip[0].Picture.Height & ~1);
        using var stream = new MemoryStream();
        stream.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{w} H{h} F{framesPerSecond}:1 Ip A1:1 C420\n"));
        foreach (var (picture, frames) in clip)
        {
            if ((picture.Width & ~1) != w || (picture.Height & ~1) != h)
                throw new ArgumentException("Every picture of a clip must have the first one's size.", nameof(clip));
            var planes = Planes(picture, w, h);
            for (var i = 0; i < frames; i++)
            {
                stream.Write("FRAME\n"u8);
                stream.Write(planes);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The I420 planes of one picture: Y, then U and V at half resolution.</summary>
    private static byte[] Planes(SKBitmap frame, int w, int h)
    {
        var planes = new byte[w * h * 3 / 2];
        var y = planes.AsSpan(0, w * h);
        var u = planes.AsSpan(w * h, w * h / 4);
        var v = planes.AsSpan(w * h + w * h / 4, w * h / 4);
        for (var row = 0; row < h; row++)
        for (var col = 0; col < w; col++)
        {
            var c = frame.GetPixel(col, row);
            y[row * w + col] = Clamp(16 + 219.0 / 255 * (0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue));
        }
        for (var row = 0; row < h / 2; row++)
        for (var col = 0; col < w / 2; col++)
        {
            double r = 0, g = 0, b = 0;
            for (var dy = 0; dy < 2; dy++)
            for (var dx = 0; dx < 2; dx++)
            {
                var c = frame.GetPixel(2 * col + dx, 2 * row + dy);
                r += c.Red; g += c.Green; b += c.Blue;
            }
            (r, g, b) = (r / 4, g / 4, b / 4);
            u[row * (w / 2) + col] = Clamp(128 + 224.0 / 255 * (-0.168736 * r - 0.331264 * g + 0.5 * b));
            v[row * (w / 2) + col] = Clamp(128 + 224.0 / 255 * (0.5 * r - 0.418688 * g - 0.081312 * b));
        }
        return planes;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
