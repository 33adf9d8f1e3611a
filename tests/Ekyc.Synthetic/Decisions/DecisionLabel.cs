using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// Everything known about one generated verification: its class and expected decision, the holder's data as the
/// document encodes it, how the document and the selfie were captured, and the seed that renders its images.
/// </summary>
public sealed record DecisionLabel
{
    public required string Id { get; init; }
    public required DecisionClass Class { get; init; }
    /// <summary><c>passport</c> (TD3, one side) or <c>id_card</c> (TD1, printed front and MRZ back).</summary>
    public required string DocumentType { get; init; }
    public required CaptureCondition Capture { get; init; }
    /// <summary>The issuer's page design around the MRZ.</summary>
    public SpecimenDesign Design { get; init; }
    /// <summary>The holder as the MRZ encodes it.</summary>
    public required Holder Holder { get; init; }
    public required string IssuingState { get; init; }
    public required string DocumentNumber { get; init; }
    /// <summary>YYMMDD.</summary>
    public required string ExpiryDate { get; init; }
    /// <summary>The surname printed in the visual zone when it differs from the MRZ's (printed/MRZ mismatch).</summary>
    public string? PrintedSurname { get; init; }
    /// <summary>The field changed after issue (its check digits left as issued) and its issued value.</summary>
    public Tampering? Tampered { get; init; }
    /// <summary>Paths relative to the photos folder.</summary>
    public required string PortraitPhoto { get; init; }
    public required string SelfiePhoto { get; init; }
    public required SelfieKind SelfieKind { get; init; }
    public required int RenderSeed { get; init; }

    public string Expected => Class.Expected();
    public bool ReviewAcceptable => Class.ReviewAcceptable();
}

/// <summary>How the selfie reached the camera.</summary>
public enum SelfieKind
{
    /// <summary>The person in front of a webcam (a photo made webcam-like: resized, noise, JPEG).</summary>
    Webcam,
    PrintReplay,
    ScreenReplay,
    /// <summary>The person answering a liveness challenge: frames with synthetic head turns and blinks (<see cref="Liveness.ChallengeCapture"/>).</summary>
    ChallengeWebcam,
    /// <summary>A photo of the person turned before the camera as a flat picture, answering a liveness challenge.</summary>
    ChallengeFlatPicture,
    /// <summary>A high-density screen, its grid unresolved, filling the frame with no bezel (<see cref="CarefulReplay"/>).</summary>
    ScreenReplayFine,
    /// <summary>An RGB-stripe screen, its grid barely resolved and out of focus, filling the frame (<see cref="CarefulReplay"/>).</summary>
    ScreenReplayDefocused,
    /// <summary>A continuous-tone photo print filling the frame with no border (<see cref="CarefulReplay"/>).</summary>
    PrintPhotoPaper,
    /// <summary>The person framed like the careful replays (320–1,600 px, zoomed): their genuine control.</summary>
    WebcamFramed,
    /// <summary>The document's own portrait cut out of the document image (<see cref="PortraitCut"/>).</summary>
    DocumentPortrait,
}

/// <summary>A field changed after issue: its name (<c>birth_date</c>, <c>expiry_date</c>, <c>document_number</c>) and issued value.</summary>
public sealed record Tampering(string Field, string IssuedValue);
