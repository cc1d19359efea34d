namespace ArPlatform.CashApplication.Matching;

/// <summary>How the payer's remittance named the proposal's invoices.</summary>
public enum ReferenceEvidence
{
    /// <summary>No reference: the proposal rests on the payer and the amount.</summary>
    None,
    Exact,
    PurchaseOrder,
    /// <summary>One slip from an invoice number (a digit misread, swapped, left out or typed twice).</summary>
    Slip,
    /// <summary>A number standing alone in the payment's text, no word saying what it is, that is exactly an open invoice's.</summary>
    NumberInText,
}

/// <summary>What says who paid.</summary>
public enum PayerEvidence
{
    Unknown,
    /// <summary>A bank account that paid this customer before, or a payer name a person applied to them: a payer known from confirmed applications.</summary>
    KnownAccount,
    /// <summary>A bank account that paid this customer before, now under a name not theirs (a payment factory's, a parent's).</summary>
    AccountUnderAnotherName,
    /// <summary>The customer's own name (or it cut short), and no other customer's name is alike.</summary>
    SameName,
    /// <summary>A name like the customer's, and no other customer's.</summary>
    AlikeName,
    /// <summary>A name like this customer's and like others' too.</summary>
    SharedName,
    /// <summary>The invoices are this customer's, but the payer looks like another customer.</summary>
    AnotherCustomer,
}

/// <summary>How the amount paid relates to the invoices proposed.</summary>
public enum AmountEvidence
{
    Exact,
    /// <summary>Less than the invoices, with a reason the payer gave (a deduction, withholding, a discount).</summary>
    ShortWithReason,
    ShortUnexplained,
    Over,
    /// <summary>The invoice less its early-payment discount, paid in time.</summary>
    Discount,
    /// <summary>Several invoices that together make the amount, none named.</summary>
    Combination,
    /// <summary>The invoices named, and the rest exactly the only set of the customer's other open invoices that makes it.</summary>
    RestIsOpenInvoices,
}

/// <summary>
/// What a proposal rests on, in the terms the confidence model was trained on: the kind of each
/// piece of evidence, whether it singles out one answer, and the hand-set score the rules give.
/// </summary>
public sealed record MatchEvidence(
    ReferenceEvidence Reference, PayerEvidence Payer, AmountEvidence Amount,
    bool Unique, bool RoundSum, decimal NameScore, int Invoices, decimal RuleScore);
