using ArPlatform.Billing.Gl;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;

namespace ArPlatform.Billing.Tests.Domain;

public sealed class JournalBuilderTests
{
    private static readonly GlAccounts Accounts = new();

    private static LedgerEntry Entry(LedgerEntryKind kind, decimal amount) => new()
    {
        Id = 7, CustomerId = "cust", InvoiceId = "inv", Kind = kind, Currency = "USD", Amount = amount,
        EffectiveDate = new DateOnly(2026, 11, 30), Reference = "REF",
    };

    public static TheoryData<LedgerEntryKind, decimal> EveryKind()
    {
        var data = new TheoryData<LedgerEntryKind, decimal>();
        foreach (var kind in Enum.GetValues<LedgerEntryKind>())
            foreach (var amount in new[] { 324.75m, -324.75m, 0.01m })
                data.Add(kind, amount);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_entry_journals_with_debits_equal_to_credits_and_moves_ar_by_its_effect(LedgerEntryKind kind, decimal amount)
    {
        var journal = JournalBuilder.Build(Entry(kind, amount), new InvoiceFacts(24.75m, 324.75m, InvoiceKind.Standard), Accounts);

        Assert.Equal(journal.Lines.Sum(l => l.Debit), journal.Lines.Sum(l => l.Credit));
        var ar = journal.Lines.Where(l => l.Account == Accounts.Receivables).Sum(l => l.Debit - l.Credit);
        Assert.Equal(JournalBuilder.ReceivablesEffect(kind, amount), ar);
    }

    [Fact]
    public void An_invoice_debits_ar_and_credits_revenue_and_sales_tax_apart()
    {
        var journal = JournalBuilder.Build(Entry(LedgerEntryKind.InvoiceIssued, 324.75m), new InvoiceFacts(24.75m, 324.75m, InvoiceKind.Standard), Accounts);

        Assert.Equal([("1200", 324.75m, 0m), ("4000", 0m, 300.00m), ("2200", 0m, 24.75m)],
            journal.Lines.Select(l => (l.Account, l.Debit, l.Credit)));
        Assert.Equal("Invoice REF", journal.Description);
    }

    [Fact]
    public void Cash_credits_ar_against_the_bank_clearing_account_and_a_late_charge_earns_late_charge_income()
    {
        var cash = JournalBuilder.Build(Entry(LedgerEntryKind.PaymentApplied, -100m), null, Accounts);
        var lateCharge = JournalBuilder.Build(Entry(LedgerEntryKind.InvoiceIssued, 4.80m), new InvoiceFacts(0m, 4.80m, InvoiceKind.LateCharge), Accounts);

        Assert.Equal([("1200", 0m, 100m), ("1010", 100m, 0m)], cash.Lines.Select(l => (l.Account, l.Debit, l.Credit)));
        Assert.Equal([("1200", 4.80m, 0m), ("4300", 0m, 4.80m)], lateCharge.Lines.Select(l => (l.Account, l.Debit, l.Credit)));
    }

    [Fact]
    public void Accounts_come_from_configuration()
    {
        var custom = new GlAccounts { Receivables = "11000", AllowanceForDoubtfulAccounts = "11900" };

        var journal = JournalBuilder.Build(Entry(LedgerEntryKind.WriteOff, -50m), null, custom);

        Assert.Equal(["11000", "11900"], journal.Lines.Select(l => l.Account));
    }
}
