using System.Buffers.Binary;
using Ekyc.Fuzz.Mutations;
using Ekyc.Fuzz.Targets;

namespace Ekyc.Fuzz.Tests;

/// <summary>The harness itself: it finds a planted bug, reports it once, and shrinks the input that shows it.</summary>
public sealed class FuzzRunnerTests
{
    [Fact]
    public void A_planted_overflow_is_found_reported_once_and_minimised()
    {
        // The bound check the EXIF reader had: offset + count in 32 bits, on the real EXIF corpus.
        var exif = FuzzTargets.Get("exif");
        var planted = exif with
        {
            Check = bytes =>
            {
                if (TiffMutations.Locate(bytes) is not { } block || block.Ifd0 < 8 || block.Ifd0 + 14 > block.TiffLength)
                    return;
                var entry = bytes.AsSpan(block.Tiff + block.Ifd0 + 2);
                var n = block.BigEndian ? BinaryPrimitives.ReadInt32BigEndian(entry[4..]) : BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
                var offset = block.BigEndian ? BinaryPrimitives.ReadInt32BigEndian(entry[8..]) : BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
                if (n > 4 && offset + n <= block.TiffLength)
                    _ = bytes.AsSpan(block.Tiff).Slice(offset, n).ToArray();
            },
        };

        var report = FuzzRunner.Run(planted, TimeSpan.FromSeconds(30), maxExecutions: 5000);

        var crash = Assert.Single(report.Crashes);
        Assert.StartsWith("ArgumentOutOfRangeException", crash.Signature);
        var minimized = FuzzRunner.Minimize(planted, crash);
        Assert.Equal(crash.Signature, minimized.Signature);
        Assert.True(minimized.Input.Length < crash.Input.Length);
    }
}
