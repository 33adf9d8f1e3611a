using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>A face in a test photo: the decoded photo, the face's box, and whose face it is.</summary>
public sealed record PortraitSource(string Name, string Identity, SKBitmap Photo, SKRect Face);
