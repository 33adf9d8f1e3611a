namespace Ekyc.Console.Tests.Infrastructure;

/// <summary>The browser tests share one server and its pipeline-made sessions (they take a while to make), and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
