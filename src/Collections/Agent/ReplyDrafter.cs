using System.Text;
using System.Text.RegularExpressions;
using ArPlatform.Collections.Inbox;
using ArPlatform.SharedKernel;
using Proto = ArPlatform.Contracts.Collections.V1;
using static ArPlatform.Collections.Agent.StatementPdf;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// Writes the reply from templates, one paragraph per intent the agent may answer, filled only
/// from the writer's own <see cref="AccountFacts"/>: each figure it states is cited. Pure, so a
/// customer's reply is testable to the character.
/// </summary>
public static partial class ReplyDrafter
{
    /// <summary>The intents a draft answers; any other intent sends the mail to a person (<see cref="Guardrails"/>).</summary>
    public static readonly IReadOnlySet<Proto.MessageIntent> Answerable = new HashSet<Proto.MessageIntent>
    {
        Proto.MessageIntent.BalanceInquiry, Proto.MessageIntent.StatementRequest, Proto.MessageIntent.PaymentStatus,
        Proto.MessageIntent.InvoiceCopy, Proto.MessageIntent.PaymentInstructions, Proto.MessageIntent.PromiseToPay,
        Proto.MessageIntent.RemittanceAdvice,
    };

    public const string NeverChangeBankDetails =
        "Please note: we never change our bank details by e-mail. If you receive a message asking you to pay into a different account, do not pay and call us.";

    public static ReplyDraftText Draft(ReadMail mail, Understanding understanding, AccountFacts facts, AgentOptions options)
    {
        var body = new StringBuilder();
        var citations = new List<Proto.Citation> { new() { Kind = "CUSTOMER", Id = facts.CustomerId, Number = facts.CustomerNumber } };
        var attachments = new List<PlannedAttachment>();
        var actions = new List<Proto.ProposedAction>();
        body.AppendLine(facts.ContactName.Length > 0 ? $"Dear {facts.ContactName}," : "Hello,").AppendLine();
        var asked = AskedInvoices(understanding.Entities, facts);
        foreach (var intent in understanding.Intents.Select(i => i.Intent).Distinct())
        {
            switch (intent)
            {
                case Proto.MessageIntent.BalanceInquiry:
                    Balance(body, facts, citations);
                    AttachStatement(body, facts, citations, attachments);
                    break;
                case Proto.MessageIntent.StatementRequest:
                    AttachStatement(body, facts, citations, attachments);
                    break;
                case Proto.MessageIntent.PaymentStatus:
                    InvoiceStatuses(body, understanding.Entities, asked, facts, citations);
                    break;
                case Proto.MessageIntent.InvoiceCopy:
                    InvoiceCopies(body, understanding.Entities, asked, facts, citations, attachments);
                    break;
                case Proto.MessageIntent.PaymentInstructions:
                    body.AppendLine(options.PaymentInstructions).AppendLine().AppendLine(NeverChangeBankDetails).AppendLine();
                    citations.Add(new Proto.Citation { Kind = "CONFIGURATION", Id = "Collections:Agent:PaymentInstructions" });
                    break;
                case Proto.MessageIntent.PromiseToPay:
                    actions.Add(Proposal("PROMISE_TO_PAY", mail, understanding.Entities, asked, facts));
                    body.AppendLine($"Thank you for letting us know when you plan to pay{On(understanding.Entities, facts.AsOf)}. We have noted it on your account.").AppendLine();
                    break;
                case Proto.MessageIntent.RemittanceAdvice:
                    actions.Add(Proposal("REMITTANCE", mail, understanding.Entities, asked, facts));
                    body.AppendLine("Thank you for the remittance advice. We will apply the payment to the invoices it names as soon as it reaches our account.").AppendLine();
                    break;
            }
        }
        body.AppendLine("Kind regards,").AppendLine(options.Signature);
        return new ReplyDraftText(Subjects.ReplyTo(mail.Subject), body.ToString(), [.. citations.DistinctBy(c => (c.Kind, c.Id))], attachments, actions);
    }

    /// <summary>The reply to a sender we cannot tie to a customer: no account data, a way to be answered.</summary>
    public static ReplyDraftText AskForRegisteredAddress(ReadMail mail, AgentOptions options) => new(
        Subjects.ReplyTo(mail.Subject),
        "Hello,\n\nThank you for your message. To protect our customers' accounts we can only discuss account details with the " +
        "contacts registered on an account. Please write to us again from your registered e-mail address, or ask your " +
        "account administrator to register this address with us.\n\nKind regards,\n" + options.Signature + "\n",
        [], [], []);

    private static void Balance(StringBuilder body, AccountFacts facts, List<Proto.Citation> citations)
    {
        citations.Add(new Proto.Citation { Kind = "BALANCE", Id = facts.CustomerId, Number = facts.CustomerNumber });
        if (facts.Balances.All(b => b.Open == 0))
        {
            body.AppendLine($"As of {facts.AsOf.ToText()} your account {facts.CustomerNumber} has no open balance.").AppendLine();
            return;
        }
        body.AppendLine($"As of {facts.AsOf.ToText()} the open balance of your account {facts.CustomerNumber} is:");
        foreach (var b in facts.Balances.Where(b => b.Open != 0))
            body.AppendLine($"  {Amount(b.Open, b.Currency)}, of which {Amount(b.Overdue, b.Currency)} is overdue");
        body.AppendLine();
    }

    private static void AttachStatement(StringBuilder body, AccountFacts facts, List<Proto.Citation> citations, List<PlannedAttachment> attachments)
    {
        var file = $"statement-{facts.CustomerNumber}-{facts.AsOf.ToText()}.pdf";
        if (attachments.Any(a => a.FileName == file)) return;
        attachments.Add(new PlannedAttachment(file, null));
        citations.Add(new Proto.Citation { Kind = "STATEMENT", Id = facts.CustomerId, Number = facts.AsOf.ToText() });
        var open = facts.OpenInvoices.ToList();
        body.AppendLine($"Please find attached your statement of account as of {facts.AsOf.ToText()}, listing {open.Count} open invoice{(open.Count == 1 ? "" : "s")}.").AppendLine();
        foreach (var i in open) Cite(citations, i);
    }

    private static void InvoiceStatuses(StringBuilder body, MailEntities entities, IReadOnlyList<InvoiceFact> asked, AccountFacts facts, List<Proto.Citation> citations)
    {
        if (entities.Invoices.Count == 0)
        {
            Balance(body, facts, citations);
            return;
        }
        foreach (var i in asked)
        {
            Cite(citations, i);
            body.AppendLine(i.Open == 0
                ? $"Invoice {i.Number} ({Amount(i.Total, i.Currency)}, due {i.DueDate.ToText()}) is paid in full. Thank you."
                : $"Invoice {i.Number} is {Status(i.Status)}: {Amount(i.Open, i.Currency)} of {Amount(i.Total, i.Currency)} is open, due {i.DueDate.ToText()}{Late(i, facts.AsOf)}.");
        }
        NotFound(body, entities, facts);
        body.AppendLine();
    }

    private static void InvoiceCopies(StringBuilder body, MailEntities entities, IReadOnlyList<InvoiceFact> asked, AccountFacts facts,
        List<Proto.Citation> citations, List<PlannedAttachment> attachments)
    {
        foreach (var i in asked)
        {
            Cite(citations, i);
            attachments.Add(new PlannedAttachment($"{i.Number}.pdf", i));
        }
        if (asked.Count > 0) body.AppendLine($"Please find attached a copy of invoice{(asked.Count == 1 ? "" : "s")} {string.Join(", ", asked.Select(i => i.Number))}.");
        else if (entities.Invoices.Count == 0) body.AppendLine("Could you tell us the number of the invoice you need a copy of? It is on our statement or dunning letters.");
        NotFound(body, entities, facts);
        body.AppendLine();
    }

    private static void NotFound(StringBuilder body, MailEntities entities, AccountFacts facts)
    {
        foreach (var r in entities.Invoices.Where(r => !facts.Invoices.Any(i => r.Matches(i.Number))))
            body.AppendLine($"We could not find an invoice \"{r.Written}\" on your account; could you send us its full number as printed on the invoice?");
    }

    /// <summary>The customer's invoices the mail names (forms such as "#123" resolved against their own numbers only).</summary>
    public static IReadOnlyList<InvoiceFact> AskedInvoices(MailEntities entities, AccountFacts facts) =>
        [.. facts.Invoices.Where(i => entities.Invoices.Any(r => r.Matches(i.Number))).OrderBy(i => i.Number, StringComparer.Ordinal)];

    private static Proto.ProposedAction Proposal(string kind, ReadMail mail, MailEntities entities, IReadOnlyList<InvoiceFact> asked, AccountFacts facts)
    {
        var action = new Proto.ProposedAction { Kind = kind, Quote = Quote(mail.Text) };
        action.InvoiceIds.AddRange(asked.Select(i => i.Id));
        if (entities.Amounts.FirstOrDefault() is { Amount: > 0 } amount)
            action.Amount = new ArPlatform.Contracts.Common.V1.Money
            {
                Currency = amount.Currency.Length > 0 ? amount.Currency : facts.Balances.FirstOrDefault().Currency ?? "",
                Amount = amount.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        if (entities.Dates.FirstOrDefault(d => d >= facts.AsOf) is var date && date != default) action.Date = date.ToText();
        return action;
    }

    private static string On(MailEntities entities, DateOnly asOf) =>
        entities.Dates.FirstOrDefault(d => d >= asOf) is var d && d != default ? $" (on {d.ToText()})" : "";

    /// <summary>The sentence that says it: the first that names paying, a date or an amount.</summary>
    private static string Quote(string text) =>
        Sentences().Split(text).Select(s => s.Trim()).FirstOrDefault(s => PaySentence().IsMatch(s)) ?? Sentences().Split(text).FirstOrDefault()?.Trim() ?? "";

    private static void Cite(List<Proto.Citation> citations, InvoiceFact i) =>
        citations.Add(new Proto.Citation { Kind = "INVOICE", Id = i.Id, Number = i.Number });

    private static string Status(string status) => status.Replace('_', ' ').ToLowerInvariant();

    private static string Late(InvoiceFact i, DateOnly asOf) =>
        asOf > i.DueDate && i.Open > 0 ? $" ({asOf.DayNumber - i.DueDate.DayNumber} days overdue)" : "";

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(pay|paid|payment|transfer|wire|remit|zahlen|bezahlt|überw|pagar|pagado|pago|transferencia)|\d", RegexOptions.IgnoreCase)]
    private static partial Regex PaySentence();
}
