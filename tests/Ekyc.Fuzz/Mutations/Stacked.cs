using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz.Mutations;

/// <summary>A seed picked from the corpus with one to four mutations stacked on it (most findings need more than one).</summary>
public static class Stacked
{
    public static Gen<T> From<T>(IReadOnlyList<T> seeds, Func<T, Gen<T>> once) =>
        from seed in Gen.Elements<T>(seeds.AsEnumerable())
        from rounds in Gen.Frequency((4, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from mutated in Apply<T>(seed, rounds, once)
        select mutated;

    private static Gen<T> Apply<T>(T input, int rounds, Func<T, Gen<T>> once) =>
        rounds == 0 ? Gen.Constant(input) : once(input).SelectMany(next => Apply(next, rounds - 1, once));
}
