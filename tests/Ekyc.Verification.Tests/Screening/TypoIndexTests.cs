using Ekyc.Verification.Screening.Evaluation;
using Ekyc.Verification.Screening.Matching;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ekyc.Verification.Tests.Screening;

/// <summary>
/// The typo neighbourhood search (deletion index up to two edits, split prefix trees beyond) must return exactly
/// the vocabulary tokens a full scan with <see cref="EditDistance"/> returns.
/// </summary>
public sealed class TypoIndexTests
{
    private static readonly Lazy<string[]> ListVocabulary = new(() => ReferenceLists.LoadFolder(SanctionsData.Root)
        .SelectMany(l => l.Entities).SelectMany(e => e.Names)
        .SelectMany(n => NameNormalizer.Tokens(n.Value, organization: false)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    private static readonly Lazy<TypoIndex> ListIndex = new(() => new TypoIndex(ListVocabulary.Value));

    [Fact]
    public void Every_token_within_the_budget_of_a_misspelt_listed_token_is_found_and_nothing_else()
    {
        var vocabulary = ListVocabulary.Value;
        var random = new Random(7);
        var checkedBudgets = new HashSet<int>();
        for (var i = 0; i < 400; i++)
        {
            var query = Misspell(vocabulary[random.Next(vocabulary.Length)], random);
            var budget = EditDistance.Budget(query.Length);
            checkedBudgets.Add(budget);

            Assert.Equal(BruteForce(vocabulary, query, budget), Found(ListIndex.Value, query, budget));
        }
        Assert.Equal([0, 1, 2, 3], checkedBudgets.Order());
    }

    [Property(MaxTest = 200)]
    public Property Random_vocabularies_agree_with_a_full_scan() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var vocabulary = c.Words.Distinct(StringComparer.Ordinal).ToArray();
            return BruteForce(vocabulary, c.Query, c.Budget).SequenceEqual(Found(new TypoIndex(vocabulary), c.Query, c.Budget));
        });

    [Fact]
    public void Short_tokens_get_no_edit_and_four_letter_tokens_one()
    {
        Assert.Equal([0, 0, 1, 1, 2, 2, 3], new[] { 2, 3, 4, 5, 6, 9, 10 }.Select(EditDistance.Budget));
        string[] vocabulary = ["ali", "aly", "alia", "alim", "bali"];
        var index = new TypoIndex(vocabulary);

        Assert.Equal(["aly"], Found(index, "aly", EditDistance.Budget(3)).Select(id => vocabulary[id]));
        Assert.Equal(["ali", "alia", "alim"], Found(index, "alix", EditDistance.Budget(4)).Select(id => vocabulary[id]));
    }

    private static int[] Found(TypoIndex index, string query, int budget)
    {
        var found = new List<int>();
        index.Within(query, budget, found);
        return found.Order().ToArray();
    }

    private static int[] BruteForce(IReadOnlyList<string> vocabulary, string query, int budget) =>
        Enumerable.Range(0, vocabulary.Count).Where(id => vocabulary[id].Length > 0 && EditDistance.Compute(query, vocabulary[id], budget) <= budget).ToArray();

    /// <summary>Words over a small alphabet, so that random vocabularies have many near neighbours.</summary>
    private static Gen<string> Word() =>
        from length in Gen.Choose(1, 12)
        from chars in Gen.ArrayOf(Gen.Elements('a', 'b', 'l', 'i', 'm'), length)
        select new string(chars);

    private static Gen<(string[] Words, string Query, int Budget)> Cases() =>
        from count in Gen.Choose(0, 60)
        from words in Gen.ArrayOf(Word(), count)
        from query in Word()
        from budget in Gen.Choose(0, 3)
        select (words, query, budget);

    private static string Misspell(string token, Random random)
    {
        var chars = token.ToList();
        for (var e = random.Next(4); e > 0 && chars.Count > 1; e--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars[at] = (char)('a' + random.Next(26)); break;
                case 1: chars.RemoveAt(at); break;
                case 2: chars.Insert(at, (char)('a' + random.Next(26))); break;
                default:
                    if (at + 1 < chars.Count)
                    {
                        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    }
                    break;
            }
        }
        return new string(chars.ToArray());
    }
}
