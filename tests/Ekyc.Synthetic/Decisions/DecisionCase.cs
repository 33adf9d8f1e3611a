namespace Ekyc.Synthetic.Decisions;

/// <summary>A labelled verification with its encoded images, ready to upload.</summary>
/// <param name="Back">The MRZ side of an ID card; null for a passport.</param>
public sealed record DecisionCase(DecisionLabel Label, byte[] Front, byte[]? Back, byte[] Selfie);
