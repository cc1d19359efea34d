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
    /// <summary>
    /// Intents (wire names: BALANCE_INQUIRY, STATEMENT_REQUEST …) whose replies go out without a
    /// person (<see cref="AutoSend"/>): none unless a manager names them. Intents a person must
    /// always read (disputes, bank details, legal, promises) are refused at start.
    /// </summary>
    public string[] AutoSendIntents { get; init; } = [];
    /// <summary>How sure of the intent the agent must be to send alone: above <see cref="ConfidenceBar"/>, which only lets it draft.</summary>
    public double AutoSendBar { get; init; } = 0.9;
    /// <summary>
    /// A PDF the agent attaches to answer a tax form request (your W-9, W-8BEN or VAT certificate);
    /// none by default, when such requests go to a person. Checked at start: it must be a readable PDF.
    /// </summary>
    public string TaxFormFile { get; init; } = "";
    /// <summary>Largest message the intake takes, in bytes.</summary>
    public int MaxMessageBytes { get; init; } = 10 * 1024 * 1024;
}

/// <summary>Refuses at start an auto-send list naming an unknown intent, or one whose mail a person must always read.</summary>
public sealed class AgentOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<AgentOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var wrong = new List<string>();
        foreach (var intent in options.AutoSendIntents)
        {
            var known = IntentNames.All.FirstOrDefault(i => IntentNames.Name(i) == intent);
            if (known == Contracts.Collections.V1.MessageIntent.Unspecified) wrong.Add($"'{intent}' is not an intent");
            else if (!AutoSend.MayBeSwitchedOn(known)) wrong.Add($"{intent} replies are always read by a person");
        }
        if (options.TaxFormFile.Length > 0 && !(File.Exists(options.TaxFormFile) && options.TaxFormFile.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
            wrong.Add($"TaxFormFile '{options.TaxFormFile}' is not a PDF file that exists");
        if (options.AutoSendBar < options.ConfidenceBar || options.AutoSendBar > 1)
            wrong.Add($"AutoSendBar must lie between ConfidenceBar ({options.ConfidenceBar}) and 1");
        return wrong.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail("Collections:Agent: " + string.Join("; ", wrong));
    }
}
