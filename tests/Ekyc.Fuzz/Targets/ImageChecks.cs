using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Server.Uploads;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Imaging;

namespace Ekyc.Fuzz.Targets;

/// <summary>
/// Every reader an uploaded image meets: upload intake (server), the document engine's decoder and metadata traces,
/// the face engine's decoder. Each must answer with an image or a reason; intake may refuse with a 4xx problem.
/// </summary>
internal static class ImageChecks
{
    private static readonly UploadLimits Limits = new();
    private static readonly DocumentOptions Documents = new();

    public static void Check(byte[] bytes)
    {
        var traces = MetadataTraces.Read(bytes);
        if (traces.Software is { Length: > 120 } || traces.CreatorTool is { Length: > 120 })
            throw new TotalityViolation("a metadata trace longer than the 120 characters it is bounded to");

        var (image, rejection) = ImageDecoder.Decode(bytes, Documents);
        using (image)
        {
            if (image is null == rejection is null)
                throw new TotalityViolation("the document decoder gave neither an image nor a rejection (or both)");
        }

        using (var upright = UprightImage.TryDecode(bytes, 1024, 40_000_000, out var reason))
        {
            if (upright is null == reason is null)
                throw new TotalityViolation("the face decoder gave neither an image nor a reason (or both)");
        }

        try
        {
            ImageIntake.Decode(ImageIntake.Inspect(bytes, Limits));
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500)
        {
            // A refusal with a problem code is an answer.
        }
    }
}
