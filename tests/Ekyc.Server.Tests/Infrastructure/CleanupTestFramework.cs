using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Ekyc.Server.Tests.Infrastructure.CleanupTestFramework", "Ekyc.Server.Tests")]

namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>
/// xunit's own framework plus one end-of-run step: drop the PostgreSQL databases the run created. The test host
/// may exit before every drop finished; the next run sweeps what is left (<see cref="TestDatabase"/>).
/// </summary>
public sealed class CleanupTestFramework : XunitTestFramework
{
    public CleanupTestFramework(IMessageSink messageSink) : base(messageSink) => DisposalTracker.Add(new DropDatabases());

    private sealed class DropDatabases : IDisposable
    {
        public void Dispose() => TestDatabase.DropCreated();
    }
}
