using ArPlatform.Bench.Matching.Generators;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching;

/// <summary>
/// The evaluation's scenarios: every generator at a tuning seed and at a held-out seed, and the
/// held-out-only generators at a held-out seed alone. A scenario's size does not depend on the
/// split asked for, so "all" is exactly tuning plus held-out.
/// </summary>
public static class Scenarios
{
    public static IReadOnlyList<IScenarioGenerator> Generators { get; } =
        [new UsCorporateGenerator(), new EuropeanGenerator(), new GroupPayerGenerator(), new AsiaPacificGenerator(), new UkIndiaLatamGenerator()];

    public static IEnumerable<(IScenarioGenerator Generator, Split Split, int Seed)> Plan(int seed)
    {
        for (var g = 0; g < Generators.Count; g++)
        {
            if (!Generators[g].HeldOutOnly) yield return (Generators[g], Split.Tuning, seed * 1_000 + g);
            yield return (Generators[g], Split.HeldOut, seed * 1_000 + 500 + g);
        }
    }

    public static List<LabelledScenario> Generate(int payments, int seed, Split? split, string? generator = null)
    {
        var plan = Plan(seed).ToList();
        var each = Math.Max(1, payments / plan.Count);
        return plan.Where(p => (split is null || p.Split == split) && (generator is null || p.Generator.Name == generator)).Select(p => p.Generator.Generate(each, p.Seed, p.Split)).ToList();
    }
}
