using Ekyc.Verification.Documents.Mrz;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>An issuer's design of the visual zone and background (the renderer draws the MRZ on every design alike).</summary>
internal interface IPageDesign : IDisposable
{
    void Passport(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm);

    void CardFront(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm);

    void CardBack(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm);
}
