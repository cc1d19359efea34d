using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Imports;

/// <summary>One bank file received: what it held and what became of it.</summary>
public sealed class BankFileImportRecord
{
    public required string Id { get; init; }
    public required string FileName { get; init; }
    /// <summary>Known once the file's first bytes are read.</summary>
    public BankFileFormat Format { get; set; }
    public required string Sha256 { get; init; }
    public long SizeBytes { get; init; }
    public int PaymentsCreated { get; set; }
    public int DuplicatesSkipped { get; set; }
    public int DebitsSkipped { get; set; }
    public int ReturnedItems { get; set; }
    /// <summary>The new payments' totals per currency, in the order the currencies first appeared.</summary>
    public List<ImportTotal> Totals { get; init; } = [];
    public required string ImportedBy { get; init; }
    public DateTime ImportedAt { get; init; }
    /// <summary>Payments of the file the matching engine applied; set with <see cref="MatchedAt"/>.</summary>
    public int AutoApplied { get; init; }
    /// <summary>When its payments went through matching (null: not yet, e.g. the process stopped in between).</summary>
    public DateTime? MatchedAt { get; init; }

    public void Count(string currency, decimal amount)
    {
        PaymentsCreated++;
        var total = Totals.FirstOrDefault(t => t.Currency == currency);
        if (total is null) Totals.Add(total = new ImportTotal { Currency = currency });
        total.Amount += amount;
    }
}

public sealed class ImportTotal
{
    public required string Currency { get; init; }
    public decimal Amount { get; set; }
}
