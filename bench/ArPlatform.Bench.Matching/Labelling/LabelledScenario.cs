using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Labelling;

/// <summary>Which part of the evaluation a scenario belongs to: tune on one, judge on the other.</summary>
public enum Split
{
    Tuning,
    HeldOut,
}

/// <summary>
/// A bank file as a generator wrote it, with the truth of each credit it carries, in file order
/// (debits in the file carry none: they never become payments).
/// </summary>
public sealed record LabelledFile(string Name, BankFileFormat Format, string Content, IReadOnlyList<Truth> Credits);

/// <summary>One generated day: the world the engine is given and the files the bank sent.</summary>
public sealed record LabelledScenario(string Generator, Split Split, int Seed, MatchContext Context, IReadOnlyList<LabelledFile> Files)
{
    public int Payments => Files.Sum(f => f.Credits.Count);
}

public static class Splits
{
    public static string Label(this Split split) => split == Split.Tuning ? "tuning" : "held-out";
}
