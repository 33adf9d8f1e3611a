namespace Ekyc.Verification.Faces;

internal static class Softmax
{
    public static float First(float a, float b) => 1f / (1f + MathF.Exp(b - a));

    public static float At(ReadOnlySpan<float> logits, int index)
    {
        var max = float.MinValue;
        foreach (var v in logits)
            max = Math.Max(max, v);
        float sum = 0;
        foreach (var v in logits)
            sum += MathF.Exp(v - max);
        return MathF.Exp(logits[index] - max) / sum;
    }
}
