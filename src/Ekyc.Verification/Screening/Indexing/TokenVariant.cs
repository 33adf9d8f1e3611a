namespace Ekyc.Verification.Screening.Indexing;

/// <summary>A vocabulary token that can stand for a query token, and how similar the two are (0..1].</summary>
internal readonly record struct TokenVariant(int Token, double Similarity);
