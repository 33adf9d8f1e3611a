namespace Ekyc.Synthetic.Capture;

/// <summary>A scene: linear RGB light at a point, in scene units, over a <c>Width×Height</c> rectangle.</summary>
public interface IScene
{
    int Width { get; }
    int Height { get; }
    (float R, float G, float B) Surround { get; }
    void Sample(double x, double y, Span<float> rgb);
}
