namespace ArPlatform.Bench.Matching.Labelling;

/// <summary>Cash that belongs on one invoice.</summary>
public sealed record TruthLine(string InvoiceId, decimal Cash);

/// <summary>
/// What a careful person would do with one payment: whose it is and which invoices it settles by
/// how much, or nothing when it is not identifiable (then <see cref="CustomerId"/> is null and
/// <see cref="Lines"/> empty). <see cref="Habit"/> names the noise that was put in, for reading.
/// </summary>
public sealed record Truth(Category Category, string? CustomerId, IReadOnlyList<TruthLine> Lines, string Habit)
{
    public static Truth NotIdentifiable(Category category, string habit) => new(category, null, [], habit);
}
