namespace ArPlatform.CashApplication.Matching;

/// <summary>An open invoice as matching sees it (from Billing).</summary>
public sealed record OpenInvoice(
    string Id, string Number, string CustomerId, string Currency, decimal OpenAmount, DateOnly DueDate,
    string PoNumber = "", DateOnly? DiscountDate = null, decimal? DiscountAmount = null);

/// <summary>
/// A customer as matching knows them: their trading name and, when it differs, the registered
/// (legal) name; the customer number payers quote ("Cust No 304274", "A/C 308605"); the parent
/// company that may pay their invoices (Billing's parent customer).
/// </summary>
public sealed record CustomerName(string Id, string Name, string LegalName = "", string Number = "", string ParentId = "");

/// <summary>
/// What matching knows of the world: open invoices, customers, and the payers learned from
/// confirmed matches — bank accounts, and names people applied to a customer they do not
/// resemble (keyed as <see cref="PayerNames.Normalise"/> keeps them).
/// </summary>
public sealed record MatchContext(
    IReadOnlyList<OpenInvoice> OpenInvoices, IReadOnlyList<CustomerName> Customers,
    IReadOnlyDictionary<string, string> CustomerByBankAccount,
    IReadOnlyDictionary<string, string>? CustomerByPayerName = null);

/// <summary>
/// What is learned now of the payers asked about (bank accounts, payer names as written): each
/// one asked and not in the maps identifies no one (never taught, forgotten, or taught for two
/// customers), so a reused index forgets it too.
/// </summary>
public sealed record LearnedPayers(
    IReadOnlyCollection<string> AccountsAsked, IReadOnlyCollection<string> NamesAsked,
    IReadOnlyDictionary<string, string> CustomerByBankAccount, IReadOnlyDictionary<string, string> CustomerByPayerName);

/// <summary>One remittance line: the reference, what the payer says it paid on it, and its reason for any adjustment.</summary>
public sealed record RemittanceReference(string Reference, decimal? PaidAmount = null, string AdjustmentReason = "");

/// <summary>The payment to place.</summary>
/// <param name="Text">What the payer wrote in free text (a reason for paying less, an early-payment discount taken), as the bank passed it on.</param>
public sealed record PaymentToMatch(
    string Currency, decimal Amount, DateOnly BookingDate, string PayerName, string PayerAccount,
    IReadOnlyList<RemittanceReference> Remittance, string Text = "");

/// <summary>Configuration section <c>CashApplication:Matching</c>.</summary>
public sealed class MatchPolicy
{
    /// <summary>
    /// Apply without a person at or above this confidence (and clearly ahead of the next
    /// proposal); when not set, the bar the confidence model was validated at.
    /// </summary>
    public decimal? AutoApplyThreshold { get; init; }
    /// <summary>How far ahead of the second proposal the first must be to apply on its own.</summary>
    public decimal AutoApplyMargin { get; init; } = 0.05m;
    /// <summary>A payer name this similar to a customer's (0–1) identifies them.</summary>
    public decimal NameThreshold { get; init; } = 0.85m;
    /// <summary>Combinations are searched among this many of the payer's oldest open invoices …</summary>
    public int CombinationCandidates { get; init; } = 25;
    /// <summary>… up to this many invoices per combination.</summary>
    public int CombinationSize { get; init; } = 4;
    /// <summary>How long the open invoices read for one batch serve the next ones; 0 reads them for every batch.</summary>
    public int ContextCacheSeconds { get; init; } = 60;
}

/// <summary>
/// Cash to one invoice. <paramref name="OpenAmount"/> is what was open of it when matched; an
/// early-payment <paramref name="Discount"/> taken in time settles that much more.
/// </summary>
public sealed record Allocation(string InvoiceId, string InvoiceNumber, decimal Amount, decimal OpenAmount, decimal Discount = 0m)
{
    /// <summary>What stays open after the cash and the discount: a short-pay when above zero.</summary>
    public decimal Shortfall => OpenAmount - Amount - Discount;
}

public enum MatchOutcome
{
    /// <summary>The payment settles the allocated invoices exactly.</summary>
    Full = 1,
    /// <summary>Less than the invoices referenced: the difference is a short-pay.</summary>
    ShortPay = 2,
    /// <summary>More than the invoices referenced: the rest goes on account.</summary>
    OverPay = 3,
}

/// <summary>
/// One way to place the payment: whose it is, which invoices it settles by how much, how sure
/// that is (0–1) and why — every proposal explains itself.
/// </summary>
public sealed record MatchProposal(
    string CustomerId, IReadOnlyList<Allocation> Allocations, MatchOutcome Outcome, decimal Difference,
    decimal Confidence, IReadOnlyList<string> Reasons, MatchEvidence Evidence);

/// <summary>The ranked proposals, and the one to apply without a person when there is one.</summary>
public sealed record MatchDecision(IReadOnlyList<MatchProposal> Proposals, MatchProposal? AutoApply);
