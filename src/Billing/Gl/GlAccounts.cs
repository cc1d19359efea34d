namespace ArPlatform.Billing.Gl;

/// <summary>
/// The chart of accounts the journal posts to (<c>Billing:Gl:Accounts</c>); the defaults are a
/// common layout, every number can be replaced by the company's own.
/// </summary>
public sealed class GlAccounts
{
    public const string Section = "Billing:Gl:Accounts";

    /// <summary>The AR control account: every ledger entry moves it.</summary>
    public string Receivables { get; set; } = "1200";
    /// <summary>Cash applied arrives through the bank clearing account.</summary>
    public string CashClearing { get; set; } = "1010";
    /// <summary>Tax the payer withheld, owed to us by the tax office until the certificate comes.</summary>
    public string WithholdingTaxReceivable { get; set; } = "1250";
    public string SalesTaxPayable { get; set; } = "2200";
    public string Revenue { get; set; } = "4000";
    /// <summary>Credit memos.</summary>
    public string SalesReturnsAndAllowances { get; set; } = "4100";
    /// <summary>Early-payment discounts taken.</summary>
    public string SalesDiscounts { get; set; } = "4200";
    public string LateChargeIncome { get; set; } = "4300";
    /// <summary>Write-offs (approved ones and short-pays under the tolerance) go against the allowance.</summary>
    public string AllowanceForDoubtfulAccounts { get; set; } = "1290";
    public string Adjustments { get; set; } = "6900";
}
