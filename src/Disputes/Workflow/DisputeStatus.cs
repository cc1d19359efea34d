namespace ArPlatform.Disputes.Workflow;

// Domain enums share their numbers with the wire enums of ar.disputes.v1.

public enum DisputeStatus
{
    Open = 1,
    Investigating = 2,
    PendingCustomer = 3,
    PendingInternal = 4,
    ResolvedValid = 5,
    ResolvedInvalid = 6,
    ResolvedPartial = 7,
    Closed = 8,
}

public enum DisputeReason
{
    Pricing = 1,
    Quantity = 2,
    QualityDamage = 3,
    Tax = 4,
    DuplicateBilling = 5,
    NotReceived = 6,
    ContractTerms = 7,
    PromotionTrade = 8,
    Other = 9,
}

public enum DisputeSource
{
    Customer = 1,
    ShortPay = 2,
    Collector = 3,
}

public enum InternalTeam
{
    None = 0,
    Sales = 1,
    CustomerSuccess = 2,
    Legal = 3,
}

public enum DisputeOutcome
{
    None = 0,
    Valid = 1,
    Invalid = 2,
    Partial = 3,
}
