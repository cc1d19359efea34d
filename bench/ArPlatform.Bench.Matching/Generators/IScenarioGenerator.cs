using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching.Generators;

/// <summary>
/// Writes one day of a company's receivables as its bank would deliver them: a customer list,
/// open items and learned accounts, and bank files whose every credit carries its truth. Each
/// generator has its own world and its own ways of getting things wrong.
/// </summary>
public interface IScenarioGenerator
{
    string Name { get; }

    /// <summary>Only ever judged on, never tuned on: a world the engine has not been fitted to.</summary>
    bool HeldOutOnly { get; }

    LabelledScenario Generate(int payments, int seed, Split split);
}

internal static class RandomExtensions
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>An index drawn in proportion to the weights.</summary>
    public static int Weighted(this Random random, IReadOnlyList<int> weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Count - 1;
    }
}
