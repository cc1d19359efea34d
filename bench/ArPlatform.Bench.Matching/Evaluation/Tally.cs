namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>Counts over a set of payments: how many, how many identifiable, applied alone, applied right.</summary>
public sealed record Tally(int Payments, int Identifiable, int Applied, int Correct)
{
    public static Tally Of(IEnumerable<Evaluated> payments)
    {
        var list = payments as IReadOnlyCollection<Evaluated> ?? payments.ToList();
        return new Tally(list.Count, list.Count(p => p.Truth.CustomerId is not null), list.Count(p => p.Applied),
            list.Count(p => p.AppliedCorrectly));
    }

    /// <summary>Automatic applications that are right.</summary>
    public string Precision => Table.Percent(Correct, Applied);

    /// <summary>Identifiable payments applied right without a person (only an identifiable payment can be applied right).</summary>
    public string AutoMatch => Table.Percent(Correct, Identifiable);
}
