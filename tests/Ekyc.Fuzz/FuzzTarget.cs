using FsCheck;

namespace Ekyc.Fuzz;

/// <summary>
/// One parser under fuzzing: the real files it starts from, the FsCheck generator that mutates them, and the totality
/// oracle. <see cref="Check"/> returns normally when the parser gave a reasoned answer (a result, a rejection with a
/// reason, a load error naming the file); anything it lets escape is a crash.
/// </summary>
public sealed record FuzzTarget(string Name, string Extension, string Description, Corpus Corpus, Gen<byte[]> Inputs, Action<byte[]> Check);

/// <summary>The seed inputs of a target, and where they come from.</summary>
public sealed record Corpus(IReadOnlyList<byte[]> Seeds, string Origin)
{
    public long Bytes => Seeds.Sum(s => (long)s.Length);
}

/// <summary>A parser's answer that breaks its contract without throwing (e.g. neither a result nor a reason).</summary>
public sealed class TotalityViolation(string message) : Exception(message);
