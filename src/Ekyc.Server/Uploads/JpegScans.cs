namespace Ekyc.Server.Uploads;

/// <summary>Counts the scans (SOS segments) of a JPEG by walking its markers, without decoding anything.</summary>
public static class JpegScans
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>The number of scans, counting stops once <paramref name="stopAfter"/> is passed.</summary>
    public static int Count(ReadOnlySpan<byte> jpeg, int stopAfter)
    {
        var scans = 0;
        var i = 2; // after SOI
        while (i + 3 < jpeg.Length && scans <= stopAfter)
        {
            if (jpeg[i] != 0xFF)
                return scans; // not at a marker: a corrupt file, left to the decoder to refuse
            var marker = jpeg[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            if (marker == EndOfImage)
                return scans;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2)
                return scans;
            i += 2 + length;
            if (marker != StartOfScan)
                continue;
            scans++;
            // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
            while (i + 1 < jpeg.Length && !(jpeg[i] == 0xFF && jpeg[i + 1] != 0x00 && jpeg[i + 1] is not (>= 0xD0 and <= 0xD7)))
                i++;
        }
        return scans;
    }
}
