using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Evaluation;

namespace Ekyc.Verification.Tests.Screening;

/// <summary>One index over every bundled list, built once for the tests that only query it.</summary>
public sealed class ReferenceIndexFixture
{
    public ReferenceIndexFixture()
    {
        Service = new ScreeningService(Options);
        Service.Swap(ScreeningIndex.Build(ReferenceLists.LoadFolder(SanctionsData.Root)));
    }

    public ScreeningOptions Options { get; } = new();
    public ScreeningService Service { get; }
}

[CollectionDefinition(Name)]
public sealed class ReferenceIndexCollection : ICollectionFixture<ReferenceIndexFixture>
{
    public const string Name = "reference index";
}
