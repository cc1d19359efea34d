using System.Globalization;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching;

/// <summary>
/// <c>--payments N</c> (all scenarios together, default 3000), <c>--seed S</c> (default 7),
/// <c>--split tuning|held-out|all</c> (default all), <c>--export path.csv</c>, <c>--mistakes N</c>
/// (list the first N wrong automatic applications), <c>--missed N</c> (the first N identifiable payments left to a person),
/// <c>--generator name</c> (only that generator's scenarios).
/// </summary>
public sealed record BenchOptions(int Payments, int Seed, Split? Split, string? Export, int Mistakes, int Missed = 0, string? Generator = null)
{
    public const string Usage = "usage: [--payments N] [--seed S] [--split tuning|held-out|all] [--export path.csv] [--mistakes N] [--missed N] [--generator name]";

    public string SplitName => Split?.Label() ?? "all";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(3000, 7, null, null, 0);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--payments" => options with { Payments = Positive(value) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--split" => options with
                {
                    Split = value switch
                    {
                        "tuning" => Labelling.Split.Tuning,
                        "held-out" => Labelling.Split.HeldOut,
                        "all" => null,
                        _ => throw new ArgumentException($"--split is tuning, held-out or all, not '{value}'"),
                    },
                },
                "--export" => options with { Export = value },
                "--mistakes" => options with { Mistakes = Positive(value) },
                "--missed" => options with { Missed = Positive(value) },
                "--generator" => options with
                {
                    Generator = Scenarios.Generators.Any(g => g.Name == value)
                        ? value
                        : throw new ArgumentException($"--generator is one of {string.Join(", ", Scenarios.Generators.Select(g => g.Name))}, not '{value}'"),
                },
                _ => throw new ArgumentException($"unknown option '{args[i]}'. {Usage}"),
            };
            i++;
        }
        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"'{value}' is not a positive count");
}
