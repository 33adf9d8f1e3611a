using System.Collections.Concurrent;
using System.Text;
using Ekyc.Fuzz.Mutations;
using Ekyc.Fuzz.Seeds;
using Ekyc.Verification.Screening.Loaders;
using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz.Targets;

/// <summary>Every fuzz target by name. Corpora are built on first use (they read the test data and encode images).</summary>
public static class FuzzTargets
{
    private const string MrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<";
    private const string AamvaAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 @\n\u001e\rDLIDANSI AAMVA";
    private const string CsvAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,\"\n-0-.;'[]";
    private const string XmlAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 <>/=\"'&;!?[]-_#\n";
    private const string JsonAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 {}[]:,\"\\\n-.etrufalsn";

    private static readonly ConcurrentDictionary<string, Lazy<FuzzTarget>> Built = new();

    public static IReadOnlyList<string> Names { get; } =
        ["exif", "xmp", "png", "webp", "upload", "mrz", "aamva", "pdf417", "ofac-csv", "un-xml", "us-csl", "ftm", "senzing", "manifest"];

    /// <summary>The target, its corpus built on first use.</summary>
    public static FuzzTarget Get(string name) =>
        Names.Contains(name)
            ? Built.GetOrAdd(name, n => new Lazy<FuzzTarget>(() => Create(n))).Value
            : throw new ArgumentException($"Unknown fuzz target '{name}'; one of {string.Join(", ", Names)}.");

    private static FuzzTarget Create(string name) => name switch
    {
        "exif" => Binary("exif", "jpg", "EXIF IFDs of a JPEG: metadata traces, both decoders, upload intake", ImageSeeds.Exif(), TiffMutations.Once, ImageChecks.Check),
        "xmp" => Binary("xmp", "jpg", "XMP packets in JPEG APP1 and PNG iTXt: metadata traces, decoders, intake", ImageSeeds.Xmp(), ByteMutations.Once, ImageChecks.Check),
        "png" => Binary("png", "png", "PNG chunks: metadata traces, decoders, intake", ImageSeeds.Png(), PngMutations.Once, ImageChecks.Check),
        "webp" => Binary("webp", "webp", "WebP: decoders, intake", ImageSeeds.WebP(), ByteMutations.Once, ImageChecks.Check),
        "upload" => Binary("upload", "bin", "upload requests (multipart or raw): the server's upload reader", UploadSeeds.Requests(), ByteMutations.Once, UploadChecks.Check),
        "mrz" => Text("mrz", "txt", "MRZ lines: parser with and without fix-up, data mapping, dates", TextSeeds.Mrz(), MrzAlphabet, TextChecks.Mrz),
        "aamva" => Text("aamva", "txt", "AAMVA payload text (what a PDF417 decode yields): parser", TextSeeds.Aamva(), AamvaAlphabet, TextChecks.Aamva),
        "pdf417" => Binary("pdf417", "raw", "PDF417 rasters: ZXing reader, then the AAMVA parser", BarcodeSeeds.Pdf417(), ByteMutations.Once, TextChecks.Pdf417),
        "ofac-csv" => Text("ofac-csv", "txt", "OFAC legacy CSV set (primary, aliases, comments)", TextSeeds.OfacCsv(), CsvAlphabet, ListChecks.For(ListFormat.OfacCsv, "sdn.csv")),
        "un-xml" => Text("un-xml", "xml", "UN consolidated list XML", TextSeeds.UnXml(), XmlAlphabet, ListChecks.For(ListFormat.UnXml, "un.xml")),
        "us-csl" => Text("us-csl", "csv", "US Consolidated Screening List CSV", TextSeeds.UsCsl(), CsvAlphabet, ListChecks.For(ListFormat.UsCsl, "csl.csv")),
        "ftm" => Text("ftm", "json", "OpenSanctions FollowTheMoney JSON lines", TextSeeds.Ftm(), JsonAlphabet, ListChecks.For(ListFormat.Ftm, "entities.ftm.json")),
        "senzing" => Text("senzing", "json", "Senzing JSON lines", TextSeeds.Senzing(), JsonAlphabet, ListChecks.For(ListFormat.Senzing, "senzing.jsonl")),
        "manifest" => Text("manifest", "json", "list store manifest.json: listing, loading, checksums", ManifestChecks.Seeds(), JsonAlphabet + "./\\", ManifestChecks.Check),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static FuzzTarget Binary(string name, string extension, string description, Corpus corpus,
        Func<byte[], IReadOnlyList<byte[]>, Gen<byte[]>> once, Action<byte[]> check) =>
        new(name, extension, description, corpus, Stacked.From(corpus.Seeds, input => once(input, corpus.Seeds)), check);

    /// <summary>Text targets mutate characters and lines, and now and then the raw bytes (invalid UTF-8, NULs).</summary>
    private static FuzzTarget Text(string name, string extension, string description, Corpus corpus, string alphabet, Action<byte[]> check)
    {
        var donors = corpus.Seeds.Select(Encoding.UTF8.GetString).ToList();
        Gen<byte[]> Once(byte[] input) => Gen.Frequency(
            (5, TextMutations.Once(Encoding.UTF8.GetString(input), alphabet, donors).Select(Encoding.UTF8.GetBytes)),
            (1, ByteMutations.Once(input, corpus.Seeds)));
        return new(name, extension, description, corpus, Stacked.From(corpus.Seeds, Once), check);
    }
}
