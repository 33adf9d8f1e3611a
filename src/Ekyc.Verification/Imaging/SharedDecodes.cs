using SkiaSharp;

namespace Ekyc.Verification.Imaging;

/// <summary>
/// Lets the engines of one verification decode an upload once. The document and face engines both decode the
/// document's front, at the same codec size whenever their bounds lead to it (a 12 MP photo at 1/2, 40–60 ms of CPU
/// each; a scan or a 150 dpi photo in full): inside a scope opened around both (<see cref="Open"/>, the pipeline's),
/// the first to ask for a size decodes it and every later or concurrent caller gets the same pixels. Outside a scope
/// every call decodes. The scope flows into tasks started inside it, as <see cref="Models.InferenceClock"/> does.
/// </summary>
public static class SharedDecodes
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Starts sharing decodes on this flow until the scope is disposed.</summary>
    public static Scope Open()
    {
        var scope = new Scope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>
    /// <paramref name="codec"/>'s image (read from <paramref name="bytes"/>) decoded at <paramref name="size"/> as an immutable
    /// bitmap the caller disposes, or null with the codec's result when it could not be decoded. Within a scope the
    /// bitmap shares its pixels with every other caller's for the same bytes and size; Skia counts the references, so
    /// they stay valid after the scope or another caller is done.
    /// </summary>
    public static (SKBitmap? Bitmap, SKCodecResult Result) Decode(byte[] bytes, SKCodec codec, SKSizeI size) =>
        Current.Value is { } scope ? scope.Get(bytes, size, () => DecodeNow(codec, size)) : DecodeNow(codec, size);

    private static (SKBitmap? Bitmap, SKCodecResult Result) DecodeNow(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            return (null, result);
        }
        // Drawn from without copies (SKImage.FromBitmap shares an immutable bitmap's pixels), and never written to.
        bitmap.SetImmutable();
        return (bitmap, result);
    }

    /// <summary>
    /// The decodes of one verification. Disposing it releases the scope's references; callers keep theirs, so an engine
    /// still running after its stage timed out reads valid pixels.
    /// </summary>
    public sealed class Scope : IDisposable
    {
        private readonly Scope? _outer;
        private readonly Lock _gate = new();
        private readonly List<Entry> _entries = [];
        private bool _disposed;

        internal Scope(Scope? outer) => _outer = outer;

        private sealed class Entry(byte[] bytes, SKSizeI size, Func<(SKBitmap?, SKCodecResult)> decode)
        {
            public byte[] Bytes { get; } = bytes;
            public SKSizeI Size { get; } = size;
            // A concurrent caller for the same image waits for this decode rather than running its own.
            public Lazy<(SKBitmap? Bitmap, SKCodecResult Result)> Decoded { get; } = new(decode, LazyThreadSafetyMode.ExecutionAndPublication);
            /// <summary>The scope's reference was disposed: no more views of it.</summary>
            public bool Released { get; set; }
        }

        internal (SKBitmap? Bitmap, SKCodecResult Result) Get(byte[] bytes, SKSizeI size, Func<(SKBitmap?, SKCodecResult)> decode)
        {
            Entry entry;
            lock (_gate)
            {
                if (_disposed)
                    return decode();
                entry = _entries.Find(e => ReferenceEquals(e.Bytes, bytes) && e.Size == size) ?? new Entry(bytes, size, decode);
                if (!_entries.Contains(entry))
                    _entries.Add(entry);
            }
            var (shared, result) = entry.Decoded.Value; // decoded outside the lock: it takes tens of milliseconds
            lock (_gate)
            {
                if (entry.Released)
                    return decode();
                if (shared is null)
                    return (null, result);
                // A bitmap of its own over the same pixel memory: disposing it leaves the other callers' intact.
                var view = new SKBitmap();
                shared.ExtractSubset(view, new SKRectI(0, 0, shared.Width, shared.Height));
                if (_disposed)
                    Release(entry); // decoded after the scope was disposed: nobody else releases it
                return (view, result);
            }
        }

        private static void Release(Entry entry)
        {
            entry.Released = true;
            entry.Decoded.Value.Bitmap?.Dispose();
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                // A decode still running is released by the caller that finishes it (Get).
                foreach (var entry in _entries.Where(e => e.Decoded.IsValueCreated && !e.Released))
                    Release(entry);
            }
            Current.Value = _outer;
        }
    }
}
