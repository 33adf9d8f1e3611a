using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>
/// A phone camera: perspective projection of the scene onto the sensor (the document fills ~86% of the frame),
/// box integration over each sensor pixel (3×3 samples), lens blur, RGGB Bayer sampling with noise, bilinear
/// demosaicing, sRGB gamma and JPEG; optionally a colour cast, camera shake, a dim exposure made up by gain, the pixels
/// stored turned, and PNG (<see cref="CameraShot"/>).
/// </summary>
public static class SimulatedCamera
{
    private const int Supersample = 3;
    private const double Margin = 0.08;
    // sRGB-like encoding of linear light, tabulated finely enough (1/4096) that no two inputs a byte apart collide.
    private static readonly byte[] Gamma = Enumerable.Range(0, 4096).Select(i => (byte)Math.Round(255 * Math.Pow(i / 4095.0, 1 / 2.2))).ToArray();

    public static byte[] Photograph(IScene scene, CameraShot shot)
    {
        var (docW, docH) = (scene.Width * shot.Scale, scene.Height * shot.Scale);
        var (w, h) = ((int)(docW * (1 + 2 * Margin)), (int)(docH * (1 + 2 * Margin)));
        var light = Project(scene, shot, w, h);
        var (r, g, b) = shot.WhiteBalance;
        Scale(light, [r * shot.Exposure, g * shot.Exposure, b * shot.Exposure]);
        foreach (var channel in light)
        {
            Blur(channel, w, h, shot.LensBlur);
            Smear(channel, w, h, shot.MotionBlur, shot.MotionDegrees);
        }
        if (shot.Bayer)
            Mosaic(light, w, h, shot.Noise, shot.Seed);
        else
            AddNoise(light, shot.Noise, shot.Seed);
        Scale(light, [shot.Gain, shot.Gain, shot.Gain]);
        (light, w, h) = Turn(light, w, h, shot.QuarterTurns);
        return Encode(light, w, h, shot.JpegQuality, shot.Png);
    }

    private static void Scale(float[][] light, double[] gains)
    {
        for (var c = 0; c < 3; c++)
        {
            if (gains[c] == 1)
                continue;
            var gain = (float)gains[c];
            var channel = light[c];
            for (var i = 0; i < channel.Length; i++)
                channel[i] *= gain;
        }
    }

    /// <summary>Camera shake: the average of the image shifted along a line of <paramref name="length"/> pixels (bilinear, half-pixel steps).</summary>
    private static void Smear(float[] channel, int w, int h, double length, double degrees)
    {
        if (length <= 0)
            return;
        var steps = (int)Math.Ceiling(2 * length) + 1;
        var (dx, dy) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        var source = (float[])channel.Clone();
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            float sum = 0;
            for (var k = 0; k < steps; k++)
            {
                var t = length * (k / (double)(steps - 1) - 0.5);
                sum += Bilinear(source, w, h, x + t * dx, y + t * dy);
            }
            channel[y * w + x] = sum / steps;
        }
    }

    private static float Bilinear(float[] channel, int w, int h, double x, double y)
    {
        var (fx, fy) = (Math.Clamp(x, 0, w - 1.001), Math.Clamp(y, 0, h - 1.001));
        var (x0, y0) = ((int)fx, (int)fy);
        var (ax, ay) = ((float)(fx - x0), (float)(fy - y0));
        var top = channel[y0 * w + x0] * (1 - ax) + channel[y0 * w + x0 + 1] * ax;
        var bottom = channel[(y0 + 1) * w + x0] * (1 - ax) + channel[(y0 + 1) * w + x0 + 1] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    /// <summary>The stored pixels turned clockwise by <paramref name="quarterTurns"/> quarter turns.</summary>
    private static (float[][] Light, int W, int H) Turn(float[][] light, int w, int h, int quarterTurns)
    {
        quarterTurns = (quarterTurns % 4 + 4) % 4;
        if (quarterTurns == 0)
            return (light, w, h);
        var (tw, th) = quarterTurns == 2 ? (w, h) : (h, w);
        var turned = new[] { new float[w * h], new float[w * h], new float[w * h] };
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var (tx, ty) = quarterTurns switch
            {
                1 => (h - 1 - y, x),
                2 => (w - 1 - x, h - 1 - y),
                _ => (y, w - 1 - x),
            };
            for (var c = 0; c < 3; c++)
                turned[c][ty * tw + tx] = light[c][y * w + x];
        }
        return (turned, tw, th);
    }

    /// <summary>Camera pixel → scene: undo the keystone, the rotation and the scale about the frame centre.</summary>
    private static float[][] Project(IScene scene, CameraShot shot, int w, int h)
    {
        var light = new[] { new float[w * h], new float[w * h], new float[w * h] };
        var (cos, sin) = (Math.Cos(shot.RotationDegrees * Math.PI / 180), Math.Sin(shot.RotationDegrees * Math.PI / 180));
        var rgb = new float[3];
        var surround = scene.Surround;
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            float r = 0, g = 0, b = 0;
            for (var sy = 0; sy < Supersample; sy++)
            for (var sx = 0; sx < Supersample; sx++)
            {
                var cx = x + (sx + 0.5) / Supersample - w / 2.0;
                var cy = y + (sy + 0.5) / Supersample - h / 2.0;
                var depth = 1 + shot.Keystone * cy / h;
                var (px, py) = (cx * depth, cy * depth);
                var u = (cos * px + sin * py) / shot.Scale + scene.Width / 2.0;
                var v = (-sin * px + cos * py) / shot.Scale + scene.Height / 2.0;
                if (u < 0 || v < 0 || u >= scene.Width || v >= scene.Height)
                {
                    (rgb[0], rgb[1], rgb[2]) = surround;
                }
                else
                    scene.Sample(u, v, rgb);
                r += rgb[0];
                g += rgb[1];
                b += rgb[2];
            }
            const float n = Supersample * Supersample;
            var i = y * w + x;
            (light[0][i], light[1][i], light[2][i]) = (r / n, g / n, b / n);
        }
        return light;
    }

    private static void Blur(float[] channel, int w, int h, double sigma)
    {
        if (sigma <= 0)
            return;
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1).Select(d => (float)Math.Exp(-d * d / (2 * sigma * sigma))).ToArray();
        var total = kernel.Sum();
        for (var i = 0; i < kernel.Length; i++)
            kernel[i] /= total;
        var temp = new float[channel.Length];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            float s = 0;
            for (var k = -radius; k <= radius; k++)
                s += kernel[k + radius] * channel[y * w + Math.Clamp(x + k, 0, w - 1)];
            temp[y * w + x] = s;
        }
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            float s = 0;
            for (var k = -radius; k <= radius; k++)
                s += kernel[k + radius] * temp[Math.Clamp(y + k, 0, h - 1) * w + x];
            channel[y * w + x] = s;
        }
    }

    /// <summary>Keeps one channel per pixel (R G / G B), adds noise, and interpolates the missing two bilinearly.</summary>
    private static void Mosaic(float[][] light, int w, int h, double noise, int seed)
    {
        var random = new Random(seed);
        var raw = new float[w * h];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
            raw[y * w + x] = light[BayerChannel(x, y)][y * w + x] + (float)(Gaussian(random) * noise);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
            for (var c = 0; c < 3; c++)
            {
                if (BayerChannel(x, y) == c)
                {
                    light[c][y * w + x] = raw[y * w + x];
                    continue;
                }
                float sum = 0;
                var count = 0;
                for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (nx, ny) = (x + dx, y + dy);
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h || BayerChannel(nx, ny) != c)
                        continue;
                    // Green has four direct neighbours; red and blue two or four (edge or diagonal).
                    if (c == 1 && dx != 0 && dy != 0)
                        continue;
                    sum += raw[ny * w + nx];
                    count++;
                }
                light[c][y * w + x] = count == 0 ? raw[y * w + x] : sum / count;
            }
    }

    private static int BayerChannel(int x, int y) => (y & 1) == 0 ? ((x & 1) == 0 ? 0 : 1) : ((x & 1) == 0 ? 1 : 2);

    private static void AddNoise(float[][] light, double noise, int seed)
    {
        var random = new Random(seed);
        foreach (var channel in light)
            for (var i = 0; i < channel.Length; i++)
                channel[i] += (float)(Gaussian(random) * noise);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static byte[] Encode(float[][] light, int w, int h, int quality, bool png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var bytes = new byte[w * h * 4];
        for (var i = 0; i < w * h; i++)
        {
            for (var c = 0; c < 3; c++)
                bytes[4 * i + c] = Gamma[(int)(Math.Clamp(light[c][i], 0, 1) * (Gamma.Length - 1) + 0.5f)];
            bytes[4 * i + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bitmap.GetPixels(), bytes.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = png ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
