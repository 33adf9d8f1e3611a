using Ekyc.Core.Checks;

namespace Ekyc.Core.Engines;

/// <summary>The document engine as the processing pipeline sees it.</summary>
public interface IDocumentVerifier
{
    /// <summary>Reads and verifies the document; never throws for bad images (a <c>fail</c>/<c>review</c> instead).</summary>
    DocumentVerification Verify(DocumentImages images, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>Encoded images as uploaded (JPEG, PNG or WebP bytes); <paramref name="DeclaredType"/> is the uploader's claim.</summary>
public sealed record DocumentImages(byte[] Front, byte[]? Back, string? DeclaredType);

/// <summary><c>document_authenticity</c> and the identity data it extracted (null when nothing was read).</summary>
public sealed record DocumentVerification(CheckResult Authenticity, ExtractedData? Extracted);
