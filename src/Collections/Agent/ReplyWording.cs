namespace ArPlatform.Collections.Agent;

/// <summary>
/// The sentences of a reply in one language, filled by <see cref="ReplyDrafter"/> with figures it
/// has already formatted (amounts as "1,234.56 USD", dates as 2026-12-15, the same in every
/// language, so a figure reads the same in a reply and on the statement).
/// </summary>
public abstract class ReplyWording
{
    /// <summary>The wording for a language code (<see cref="MailLanguage.Detect"/>), English when the agent has none for it.</summary>
    public static ReplyWording For(string language) => language switch
    {
        "es" => new SpanishWording(),
        "de" => new GermanWording(),
        "fr" => new FrenchWording(),
        _ => new EnglishWording(),
    };

    public abstract string Language { get; }
    public abstract string Greeting(string contactName);
    public abstract string NoOpenBalance(string asOf, string account);
    public abstract string OpenBalanceIs(string asOf, string account);
    public abstract string OfWhichOverdue(string open, string overdue);
    public abstract string StatementAttached(string asOf, int openInvoices);
    public abstract string PaidInFull(string number, string total, string due);
    public abstract string Open(string number, string status, string open, string total, string due, int daysOverdue);
    public abstract string CopiesAttached(IReadOnlyList<string> numbers);
    public abstract string WhichInvoice { get; }
    public abstract string NotFound(string written);
    public abstract string NeverChangeBankDetails { get; }
    public abstract string PromiseNoted(string? date);
    public abstract string TaxFormAttached(string fileName);
    public abstract string RemittanceThanks { get; }
    public abstract string Closing { get; }
    public abstract string WriteFromRegisteredAddress { get; }
}

public sealed class EnglishWording : ReplyWording
{
    public override string Language => "en";
    public override string Greeting(string contactName) => contactName.Length > 0 ? $"Dear {contactName}," : "Hello,";
    public override string NoOpenBalance(string asOf, string account) => $"As of {asOf} your account {account} has no open balance.";
    public override string OpenBalanceIs(string asOf, string account) => $"As of {asOf} the open balance of your account {account} is:";
    public override string OfWhichOverdue(string open, string overdue) => $"{open}, of which {overdue} is overdue";
    public override string StatementAttached(string asOf, int openInvoices) =>
        $"Please find attached your statement of account as of {asOf}, listing {openInvoices} open invoice{(openInvoices == 1 ? "" : "s")}.";
    public override string PaidInFull(string number, string total, string due) => $"Invoice {number} ({total}, due {due}) is paid in full. Thank you.";
    public override string Open(string number, string status, string open, string total, string due, int daysOverdue) =>
        $"Invoice {number} is {status}: {open} of {total} is open, due {due}{(daysOverdue > 0 ? $" ({daysOverdue} days overdue)" : "")}.";
    public override string CopiesAttached(IReadOnlyList<string> numbers) =>
        $"Please find attached a copy of invoice{(numbers.Count == 1 ? "" : "s")} {string.Join(", ", numbers)}.";
    public override string WhichInvoice => "Could you tell us the number of the invoice you need a copy of? It is on our statement or dunning letters.";
    public override string NotFound(string written) =>
        $"We could not find an invoice \"{written}\" on your account; could you send us its full number as printed on the invoice?";
    public override string NeverChangeBankDetails =>
        "Please note: we never change our bank details by e-mail. If you receive a message asking you to pay into a different account, do not pay and call us.";
    public override string PromiseNoted(string? date) =>
        $"Thank you for letting us know when you plan to pay{(date is null ? "" : $" (on {date})")}. We have noted it on your account.";
    public override string TaxFormAttached(string fileName) => $"Please find attached our tax form ({fileName}).";
    public override string RemittanceThanks => "Thank you for the remittance advice. We will apply the payment to the invoices it names as soon as it reaches our account.";
    public override string Closing => "Kind regards,";
    public override string WriteFromRegisteredAddress =>
        "Thank you for your message. To protect our customers' accounts we can only discuss account details with the " +
        "contacts registered on an account. Please write to us again from your registered e-mail address, or ask your " +
        "account administrator to register this address with us.";
}
