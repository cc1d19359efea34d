namespace ArPlatform.CashApplication.Applications;

/// <summary>Configuration section <c>CashApplication:Outcomes</c>: what becomes of a short-pay.</summary>
public sealed class OutcomePolicy
{
    /// <summary>
    /// A shortfall up to this much (in the payment's currency) is written off rather than chased.
    /// Billing enforces its own ceiling (Billing:ShortPayWriteOffLimit), which this must not exceed.
    /// </summary>
    public decimal WriteOffTolerance { get; init; } = 5m;
    /// <summary>Remittance adjustment reason codes that mean "tax withheld".</summary>
    public List<string> WithholdingTaxCodes { get; init; } = ["WHT", "WT", "TDS"];
    /// <summary>Words in remittance text that mean "tax withheld".</summary>
    public List<string> WithholdingTaxWords { get; init; } = ["withholding", "withheld", "WHT", "TDS", "Quellensteuer", "retenue"];
    /// <summary>
    /// The payer's reason codes mapped to Disputes reason codes (PRICING, QUANTITY, QUALITY_DAMAGE,
    /// TAX, DUPLICATE_BILLING, NOT_RECEIVED, CONTRACT_TERMS, PROMOTION_TRADE); any other is OTHER,
    /// with the payer's code kept on the case.
    /// </summary>
    public Dictionary<string, string> DeductionReasons { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
