using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Lists;

/// <summary>A list's manifest with its parsed entities, ready to index.</summary>
public sealed record LoadedList(ListManifest Manifest, IReadOnlyList<ScreeningEntity> Entities);
