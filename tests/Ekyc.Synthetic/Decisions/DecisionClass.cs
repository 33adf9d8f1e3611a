namespace Ekyc.Synthetic.Decisions;

/// <summary>What a generated verification is: a genuine customer or one kind of fraud.</summary>
public enum DecisionClass
{
    /// <summary>A genuine passport holder answering the liveness challenge (synthetic head turns and blinks).</summary>
    GenuinePassport,
    GenuineIdCard,
    /// <summary>A genuine holder (either document) sending one passive selfie, no challenge: shows what the passive model alone gives.</summary>
    GenuinePassiveSelfie,
    /// <summary>Someone else's selfie against the holder's document.</summary>
    FaceMismatch,
    /// <summary>The selfie is a photo of a printed photo of the holder.</summary>
    SelfiePrintReplay,
    /// <summary>The selfie is a photo of a screen showing a photo of the holder.</summary>
    SelfieScreenReplay,
    /// <summary>The liveness challenge answered by a photo of the holder turned before the camera as a flat picture.</summary>
    ChallengeFlatReplay,
    /// <summary>A data field changed in print and MRZ, its check digits left as issued.</summary>
    TamperedCheckDigit,
    /// <summary>The printed surname differs from the MRZ surname.</summary>
    PrintedMrzMismatch,
    ExpiredDocument,
    /// <summary>Issuing state and nationality <c>UTO</c>, ICAO's fictitious Utopia.</summary>
    SpecimenDocument,
    /// <summary>A real listed name and birth date from the bundled sanctions lists.</summary>
    SanctionedPerson,
    /// <summary>The portrait cut out of the document image and sent as the passive selfie (appended last: earlier classes plan as before).</summary>
    DocumentPortraitSelfie,
    /// <summary>A genuine document's 300 dpi scan shown on a screen and photographed (<see cref="DocumentScreenReplay"/>).</summary>
    DocumentScreenReplay,
}

public static class DecisionClasses
{
    public static readonly IReadOnlyList<DecisionClass> All = Enum.GetValues<DecisionClass>();

    public static bool IsGenuine(this DecisionClass c) => c is DecisionClass.GenuinePassport or DecisionClass.GenuineIdCard or DecisionClass.GenuinePassiveSelfie;

    /// <summary>The genuine customers who answer the liveness challenge, as the capture page makes them.</summary>
    public static bool AnswersChallenge(this DecisionClass c) => c is DecisionClass.GenuinePassport or DecisionClass.GenuineIdCard;

    public static string ToWire(this DecisionClass c) => c switch
    {
        DecisionClass.GenuinePassport => "genuine_passport",
        DecisionClass.GenuineIdCard => "genuine_id_card",
        DecisionClass.GenuinePassiveSelfie => "genuine_passive_selfie",
        DecisionClass.FaceMismatch => "face_mismatch",
        DecisionClass.SelfiePrintReplay => "selfie_print_replay",
        DecisionClass.SelfieScreenReplay => "selfie_screen_replay",
        DecisionClass.ChallengeFlatReplay => "challenge_flat_replay",
        DecisionClass.TamperedCheckDigit => "tampered_check_digit",
        DecisionClass.PrintedMrzMismatch => "printed_mrz_mismatch",
        DecisionClass.ExpiredDocument => "expired_document",
        DecisionClass.SpecimenDocument => "specimen_document",
        DecisionClass.SanctionedPerson => "sanctioned_person",
        DecisionClass.DocumentPortraitSelfie => "document_portrait_selfie",
        DecisionClass.DocumentScreenReplay => "document_screen_replay",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    /// <summary>The decision the class must get: genuine customers approved, every fraud rejected.</summary>
    public static string Expected(this DecisionClass c) => c.IsGenuine() ? "approved" : "rejected";

    /// <summary>
    /// The check whose evidence should catch the class and the reason codes that show it (empty: any reason of that
    /// check); null for the genuine classes. A fraud turned down for an unrelated doubt was not caught.
    /// </summary>
    public static (string Check, IReadOnlyList<string> Reasons)? Evidence(this DecisionClass c) => c switch
    {
        DecisionClass.FaceMismatch => ("face_match", []),
        DecisionClass.SelfiePrintReplay or DecisionClass.SelfieScreenReplay => ("face_liveness", []),
        DecisionClass.ChallengeFlatReplay => ("face_liveness", ["motion_planar", "motion_flat_without_blink", "motion_flat_foreshortened"]),
        DecisionClass.TamperedCheckDigit => ("document_authenticity", ["check_digit_mismatch"]),
        DecisionClass.PrintedMrzMismatch => ("document_authenticity", ["printed_mrz_mismatch"]),
        DecisionClass.ExpiredDocument => ("document_authenticity", ["document_expired"]),
        DecisionClass.SpecimenDocument => ("document_authenticity", ["specimen_document"]),
        DecisionClass.SanctionedPerson => ("sanctions_screening", []),
        DecisionClass.DocumentPortraitSelfie => ("face_liveness", ["selfie_is_document_portrait"]),
        DecisionClass.DocumentScreenReplay => ("document_authenticity", ["screen_recapture_suspected"]),
        _ => null,
    };

    /// <summary>
    /// Whether <c>manual_review</c> also counts as caught: only where the evidence is statistical — passive liveness on
    /// a replayed selfie, a printed field read by OCR against its MRZ value (OCR doubt reviews), a screen's pixel grid in
    /// a document photo — and then only when that evidence is what sent it to review (<see cref="Evidence"/>).
    /// </summary>
    public static bool ReviewAcceptable(this DecisionClass c) =>
        c is DecisionClass.SelfiePrintReplay or DecisionClass.SelfieScreenReplay or DecisionClass.PrintedMrzMismatch or DecisionClass.DocumentScreenReplay;
}
