using Ekyc.Server.Options;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Uploads;

/// <summary>
/// Bounds the images decoded at once in this process (one per core by default): full decodes are the costly part of
/// an upload in CPU and memory, so a burst of uploads queues here instead of multiplying the process's footprint.
/// </summary>
public sealed class DecodeGate(IOptions<EkycOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.Uploads.DecodeConcurrency is > 0 and var n ? n : Environment.ProcessorCount);

    /// <summary>Checks the request's pixel budget from the headers, then decodes each image in turn under a slot.</summary>
    public async Task<IReadOnlyList<AcceptedImage>> DecodeAsync(IReadOnlyList<ImageHeader> images, CancellationToken cancellationToken)
    {
        ImageIntake.CheckRequestBudget(images, options.Value.Uploads);
        var accepted = new List<AcceptedImage>(images.Count);
        foreach (var image in images)
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                accepted.Add(ImageIntake.Decode(image));
            }
            finally
            {
                _slots.Release();
            }
        }
        return accepted;
    }
}
