namespace ArPlatform.Collections.Agent;

/// <summary>Configuration section <c>Collections:Agent</c>: the reply agent's bars, wording and intake.</summary>
public sealed class AgentOptions
{
    /// <summary>Below this confidence in the main intent a person answers (LOW_CONFIDENCE).</summary>
    public double ConfidenceBar { get; init; } = 0.6;
    /// <summary>A draft not decided within this many hours expires; the customer is answered by a person.</summary>
    public int DraftExpiryHours { get; init; } = 72;
    /// <summary>At most this many drafts per thread within <see cref="ThreadWindowHours"/>; a further mail goes to a person (no mail loops).</summary>
    public int MaxDraftsPerThread { get; init; } = 3;
    public int ThreadWindowHours { get; init; } = 24;
    /// <summary>How long the customer contact directory read from Billing is kept before it is read again.</summary>
    public int DirectoryCacheSeconds { get; init; } = 60;
    public string Signature { get; init; } = "Accounts Receivable";
    /// <summary>How to pay us, as the reply to PAYMENT_INSTRUCTIONS states it.</summary>
    public string PaymentInstructions { get; init; } =
        "You can pay by bank transfer to the account printed on every invoice, quoting the invoice number as the reference.";
    /// <summary>The SMTP intake's loopback port; 0 leaves it off.</summary>
    public int SmtpPort { get; init; }
    /// <summary>The address the SMTP intake listens on: loopback unless a deployment says otherwise.</summary>
    public string SmtpAddress { get; init; } = "127.0.0.1";
    /// <summary>Largest message the intake takes, in bytes.</summary>
    public int MaxMessageBytes { get; init; } = 10 * 1024 * 1024;
}
