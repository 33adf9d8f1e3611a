namespace Ekyc.Server.Uploads;

/// <summary>Walks a JPEG's markers without decoding anything: how many scans it has, and whether it reaches its end.</summary>
public static class JpegScans
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>
    /// The number of scans (counting stops once <paramref name="stopAfter"/> is passed) and whether the markers lead to the
    /// end-of-image marker. A progressive JPEG cut short decodes "successfully" (the scans that arrived are shown, the rest
    /// is left coarse), and a decoder skips garbage in the data with a warning, so such files are found by their structure,
    /// not by the decoder.
    /// </summary>
    public static (int Scans, bool Ended) Walk(ReadOnlySpan<byte> jpeg, int stopAfter)
    {
        var scans = 0;
        var i = 2; // after SOI
        while (i + 1 < jpeg.Length && scans <= stopAfter)
        {
            if (jpeg[i] != 0xFF)
                return (scans, false); // not at a marker: a corrupt file
            var marker = jpeg[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            if (marker == EndOfImage)
                return (scans, true);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }
            if (i + 3 >= jpeg.Length)
                return (scans, false);
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2)
                return (scans, false);
            i += 2 + length;
            if (marker != StartOfScan)
                continue;
            scans++;
            // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
            while (i + 1 < jpeg.Length && !(jpeg[i] == 0xFF && jpeg[i + 1] != 0x00 && jpeg[i + 1] is not (>= 0xD0 and <= 0xD7)))
                i++;
        }
        return (scans, false);
    }
}
