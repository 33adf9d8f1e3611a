namespace Ekyc.Fuzz.Mutations;

/// <summary>Values that break length and offset arithmetic: zero, one, sign and overflow edges, and the input's own size.</summary>
internal static class Interesting
{
    public static readonly uint[] U32 = [0, 1, 2, 4, 7, 8, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFF0, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFF];

    public static readonly ushort[] U16 = [0, 1, 2, 8, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];

    public static readonly byte[] U8 = [0, 1, 0x7F, 0x80, 0xFE, 0xFF];

    /// <summary>32-bit values relative to a size: just inside, at and just past the end.</summary>
    public static uint[] Around(int size) => [(uint)Math.Max(0, size - 1), (uint)size, (uint)size + 1, (uint)size * 2];
}
