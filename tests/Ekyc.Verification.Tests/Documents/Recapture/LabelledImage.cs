namespace Ekyc.Verification.Tests.Documents.Recapture;

/// <summary>One generated or real test image and what it is.</summary>
internal sealed record LabelledImage(string Name, byte[] Encoded);
