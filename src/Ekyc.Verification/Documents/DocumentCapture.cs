using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Imaging;

namespace Ekyc.Verification.Documents;

/// <summary>Everything measured on one side of the document.</summary>
internal sealed record DocumentCapture(
    string Side,
    DecodedImage? Image,
    ImageRejection? Rejection,
    ImageQuality? Quality,
    MetadataTraces? Metadata,
    MrzReading? Reading,
    int TurnedDegrees = 0,
    float StraightenedDegrees = 0,
    ScreenRecapture? Recapture = null);
