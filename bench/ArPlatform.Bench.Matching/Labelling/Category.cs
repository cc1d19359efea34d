namespace ArPlatform.Bench.Matching.Labelling;

/// <summary>
/// Why a person holding the customer list and the open items would (or would not) pin a
/// payment's invoices with certainty. Every generated payment carries exactly one.
/// </summary>
public enum Category
{
    /// <summary>The invoice number as we issued it.</summary>
    ExactReference,
    /// <summary>The invoice number without its prefix, or with its leading zeros dropped.</summary>
    ReformattedReference,
    /// <summary>Two digits swapped, one wrong, missing or extra; the exact amount from a recognisable payer confirms it.</summary>
    SlippedReference,
    /// <summary>Several invoices named in one payment.</summary>
    SeveralReferences,
    /// <summary>No usable reference; a recognisable payer name and the only open invoice of exactly the amount.</summary>
    NameAndUniqueAmount,
    /// <summary>No usable reference; a recognisable payer and the only combination of their open items summing to the amount.</summary>
    UniqueCombination,
    /// <summary>Less than the named invoice, with the reason in the text or an adjustment code.</summary>
    ShortPayWithReason,
    /// <summary>Part of a named invoice, said to be a part (an instalment).</summary>
    PartialPayment,
    /// <summary>More than the named invoice: the rest on account.</summary>
    OverPay,
    /// <summary>Our invoice's PO number, or the payer's own voucher number with a recognisable payer and a unique amount.</summary>
    PoOrVoucherReference,
    /// <summary>No reference, no usable name: a bank account learned for one customer, and the only open invoice of the amount.</summary>
    LearnedAccount,
    /// <summary>A known payer, but several open items fit the amount equally well.</summary>
    AmbiguousAmount,
    /// <summary>No reference, and a payer who pays for several customers (a payment factory): whose debt it settles is not said.</summary>
    AmbiguousPayer,
    /// <summary>Someone not in the customer list, often with a name like a customer's.</summary>
    Stranger,
    /// <summary>Money that is no customer's payment: supplier refunds, interest, transfers between our own accounts.</summary>
    NonCustomerCredit,
}

public static class Categories
{
    public static bool Identifiable(this Category category) =>
        category is not (Category.AmbiguousAmount or Category.AmbiguousPayer or Category.Stranger or Category.NonCustomerCredit);

    /// <summary>The report's name for the category.</summary>
    public static string Label(this Category category) => category switch
    {
        Category.ExactReference => "exact reference",
        Category.ReformattedReference => "reference w/o prefix or zeros",
        Category.SlippedReference => "slipped reference + amount + payer",
        Category.SeveralReferences => "several references",
        Category.NameAndUniqueAmount => "name + only invoice of amount",
        Category.UniqueCombination => "unique combination of open items",
        Category.ShortPayWithReason => "short-pay with reason",
        Category.PartialPayment => "partial payment",
        Category.OverPay => "over-pay",
        Category.PoOrVoucherReference => "PO / voucher reference",
        Category.LearnedAccount => "learned bank account + amount",
        Category.AmbiguousAmount => "NOT ident.: ambiguous amount",
        Category.AmbiguousPayer => "NOT ident.: payer pays for several",
        Category.Stranger => "NOT ident.: stranger / lookalike",
        Category.NonCustomerCredit => "NOT ident.: not a customer payment",
        _ => category.ToString(),
    };
}
