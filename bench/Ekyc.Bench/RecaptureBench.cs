using System.Diagnostics;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Imaging;

namespace Ekyc.Bench;

/// <summary>
/// <c>recapture DIR...</c>: the screen-recapture measure on every JPEG/PNG/WebP under each folder — luma and chroma
/// peak (dB, tiles), period and angle, whether the default thresholds flag it — then the share flagged per folder and
/// the median milliseconds of the measure. For real photos of screens and of paper documents, which the tests lack.
/// </summary>
public static class RecaptureBench
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    public static void Run(string[] folders)
    {
        var options = new DocumentOptions();
        var times = new List<double>();
        foreach (var folder in folders)
        {
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
            var (measured, flagged) = (0, 0);
            foreach (var file in files)
            {
                var (image, rejection) = ImageDecoder.Decode(File.ReadAllBytes(file), options);
                using (image)
                {
                    if (image is null)
                    {
                        Console.WriteLine($"  {rejection!.Reason,-8} {file}");
                        continue;
                    }
                    var clock = Stopwatch.StartNew();
                    var m = ScreenRecapture.Measure(image.Bitmap);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    if (m is null)
                    {
                        Console.WriteLine($"  {"small",-8} {file}");
                        continue;
                    }
                    measured++;
                    var suspected = m.Suspected(options);
                    flagged += suspected ? 1 : 0;
                    Console.WriteLine($"  {(suspected ? "FLAGGED" : "-"),-8} luma {m.Luma.Decibels,5:F1} dB {m.LumaTiles,2}/{m.Tiles}  " +
                        $"chroma {m.Chroma.Decibels,5:F1} dB {m.ChromaTiles,2}/{m.Tiles}  period {m.LumaPeriod,5:F2} px {m.LumaAngle,6:F1}°  {file}");
                }
            }
            Console.WriteLine($"{folder}: {flagged}/{measured} flagged ({files.Count - measured} not measured)");
        }
        times.Sort();
        if (times.Count > 0)
            Console.WriteLine($"measure: median {times[times.Count / 2]:F1} ms over {times.Count} images " +
                $"(thresholds: luma {options.RecaptureLumaPeakDb} dB, chroma {options.RecaptureChromaPeakDb} dB, {options.RecaptureMinTiles} tiles)");
    }
}
