namespace Ekyc.Synthetic.Decisions;

/// <summary>Which side of which document a capture shows.</summary>
public enum DocumentSide
{
    Full,
    CardFront,
    CardBack,
}
