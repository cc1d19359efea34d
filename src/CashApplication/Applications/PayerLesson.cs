namespace ArPlatform.CashApplication.Applications;

// Shares its numbers with the wire enum ar.cashapp.v1.PayerLessonKind.
public enum PayerLessonKind
{
    /// <summary>The payer's bank account, as the bank wrote it.</summary>
    BankAccount = 1,
    /// <summary>The payer's name, normalised (<see cref="Matching.PayerNames.Normalise"/>).</summary>
    PayerName = 2,
}

/// <summary>
/// One thing matching learned about who pays for a customer: this bank account, or this payer
/// name, is theirs — taught by the application named in <see cref="LearnedFrom"/> (a person's,
/// or an automatic one sure of its remittance). A payer taught for two customers identifies
/// neither. A lesson is forgotten, never deleted: by a person, or when a person unapplies an
/// application for its customer from that payer; taught again, it lives again.
/// </summary>
public sealed class PayerLesson
{
    public required string Id { get; init; }
    public PayerLessonKind Kind { get; init; }
    public required string Payer { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>The application that taught it (the latest, when it was taught again after being forgotten).</summary>
    public required string LearnedFrom { get; set; }
    /// <summary>Who made that application (for an automatic one, who brought the payment in).</summary>
    public string LearnedBy { get; set; } = "";
    /// <summary>Taught by an automatic application rather than a person.</summary>
    public bool Automatic { get; set; }
    public DateTime LearnedAt { get; set; }
    public DateTime? ForgottenAt { get; private set; }
    public string ForgottenBy { get; private set; } = "";
    public string ForgetReason { get; private set; } = "";

    public bool IsLive => ForgottenAt is null;

    public static PayerLesson Taught(PayerLessonKind kind, string payer, PaymentApplication by, DateTime now) => new()
    {
        Id = Ulid.NewUlid().ToString(),
        Kind = kind,
        Payer = payer,
        CustomerId = by.CustomerId,
        LearnedFrom = by.Id,
        LearnedBy = by.AppliedBy,
        Automatic = by.Automatic,
        LearnedAt = now,
    };

    /// <summary>Taught again after it was forgotten: live, with the new teacher.</summary>
    public void TaughtAgain(PaymentApplication by, DateTime now)
    {
        LearnedFrom = by.Id;
        LearnedBy = by.AppliedBy;
        Automatic = by.Automatic;
        LearnedAt = now;
        ForgottenAt = null;
        ForgottenBy = "";
        ForgetReason = "";
    }

    public void Forget(string actor, string reason, DateTime now)
    {
        ForgottenAt = now;
        ForgottenBy = actor;
        ForgetReason = reason;
    }
}
