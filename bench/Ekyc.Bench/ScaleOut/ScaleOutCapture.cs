namespace Ekyc.Bench.ScaleOut;

/// <summary>What one customer uploads: the document's type, its front (and back for an ID card with one) and a selfie.</summary>
public sealed record ScaleOutCapture(string DocumentType, byte[] Front, byte[]? Back, byte[] Selfie);
