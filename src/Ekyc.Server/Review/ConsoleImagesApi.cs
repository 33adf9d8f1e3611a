using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ekyc.Server.Review;

/// <summary>
/// The session's images for the signed-in reviewer: decrypted per request, never cached (the console's
/// <c>Cache-Control: no-store</c>), every fetch audited. Another tenant's image is "not found".
/// </summary>
public static class ConsoleImagesApi
{
    public static void MapReviewConsoleImages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ReviewConsoleSetup.BasePath + "/sessions/{id}").RequireAuthorization(ReviewConsoleSetup.Policy)
            .ExcludeFromDescription();
        group.MapGet("/images/{imageId}", ImageAsync).WithName("ConsoleImage");
        group.MapGet("/faces/{which}", FaceAsync).WithName("ConsoleFace");
    }

    private static async Task<FileContentHttpResult> ImageAsync(string id, string imageId, HttpContext http, ConsoleReview review)
    {
        var (bytes, mediaType) = await review.ImageAsync(Reviewer.From(http.User), id, imageId, http.RequestAborted);
        return TypedResults.File(bytes, mediaType);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FaceAsync(string id, string which, HttpContext http, ConsoleReview review)
    {
        var face = await review.FaceAsync(Reviewer.From(http.User), id, which, http.RequestAborted);
        return face is null ? TypedResults.NotFound() : TypedResults.File(face, "image/jpeg");
    }
}
