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

    /// <summary>The reply, in the language the customer wrote in when the agent has its wording (<see cref="MailLanguage"/>), else in English.</summary>
    /// <summary>What the agent answers with these options: the intents above, and tax form requests once a form is configured.</summary>
    public static IReadOnlySet<Proto.MessageIntent> AnswerableWith(AgentOptions options) =>
        options.TaxFormFile.Length == 0 ? Answerable : new HashSet<Proto.MessageIntent>(Answerable) { Proto.MessageIntent.TaxFormRequest };

    public static ReplyDraftText Draft(ReadMail mail, Understanding understanding, AccountFacts facts, AgentOptions options)
    {
        var w = ReplyWording.For(MailLanguage.Detect(mail.Text));
        var body = new StringBuilder();
        var citations = new List<Proto.Citation> { new() { Kind = "CUSTOMER", Id = facts.CustomerId, Number = facts.CustomerNumber } };
        var attachments = new List<PlannedAttachment>();
        var actions = new List<Proto.ProposedAction>();
        body.AppendLine(w.Greeting(facts.ContactName)).AppendLine();
        var asked = AskedInvoices(understanding.Entities, facts);
        foreach (var intent in understanding.Intents.Select(i => i.Intent).Distinct())
        {
            switch (intent)
            {
                case Proto.MessageIntent.BalanceInquiry:
                    Balance(body, w, facts, citations);
                    AttachStatement(body, w, facts, citations, attachments);
                    break;
                case Proto.MessageIntent.StatementRequest:
                    AttachStatement(body, w, facts, citations, attachments);
                    break;
                case Proto.MessageIntent.PaymentStatus:
                    InvoiceStatuses(body, w, understanding.Entities, asked, facts, citations);
                    break;
                case Proto.MessageIntent.InvoiceCopy:
                    InvoiceCopies(body, w, understanding.Entities, asked, facts, citations, attachments);
                    break;
                case Proto.MessageIntent.PaymentInstructions:
                    // How to pay is the configured text, as written; the warning is in the customer's language.
                    body.AppendLine(options.PaymentInstructions).AppendLine().AppendLine(w.NeverChangeBankDetails).AppendLine();
                    citations.Add(new Proto.Citation { Kind = "CONFIGURATION", Id = "Collections:Agent:PaymentInstructions" });
                    break;
                case Proto.MessageIntent.PromiseToPay:
                    actions.Add(Proposal("PROMISE_TO_PAY", mail, understanding.Entities, asked, facts));
                    body.AppendLine(w.PromiseNoted(On(understanding.Entities, facts.AsOf))).AppendLine();
                    break;
                case Proto.MessageIntent.TaxFormRequest when options.TaxFormFile.Length > 0:
                    var form = Path.GetFileName(options.TaxFormFile);
                    attachments.Add(new PlannedAttachment(form, null, options.TaxFormFile));
                    citations.Add(new Proto.Citation { Kind = "CONFIGURATION", Id = "Collections:Agent:TaxFormFile", Number = form });
                    body.AppendLine(w.TaxFormAttached(form)).AppendLine();
                    break;
                case Proto.MessageIntent.RemittanceAdvice:
                    actions.Add(Proposal("REMITTANCE", mail, understanding.Entities, asked, facts));
                    body.AppendLine(w.RemittanceThanks).AppendLine();
                    break;
            }
        }
        body.AppendLine(w.Closing).AppendLine(options.Signature);
        return new ReplyDraftText(Subjects.ReplyTo(mail.Subject), body.ToString(), [.. citations.DistinctBy(c => (c.Kind, c.Id))], attachments, actions);
    }

    /// <summary>The reply to a sender we cannot tie to a customer: no account data, a way to be answered.</summary>
    public static ReplyDraftText AskForRegisteredAddress(ReadMail mail, AgentOptions options)
    {
        var w = ReplyWording.For(MailLanguage.Detect(mail.Text));
        return new(Subjects.ReplyTo(mail.Subject), $"{w.Greeting("")}\n\n{w.WriteFromRegisteredAddress}\n\n{w.Closing}\n{options.Signature}\n", [], [], []);
    }

    private static void Balance(StringBuilder body, ReplyWording w, AccountFacts facts, List<Proto.Citation> citations)
    {
        citations.Add(new Proto.Citation { Kind = "BALANCE", Id = facts.CustomerId, Number = facts.CustomerNumber });
        if (facts.Balances.All(b => b.Open == 0))
        {
            body.AppendLine(w.NoOpenBalance(facts.AsOf.ToText(), facts.CustomerNumber)).AppendLine();
            return;
        }
        body.AppendLine(w.OpenBalanceIs(facts.AsOf.ToText(), facts.CustomerNumber));
        foreach (var b in facts.Balances.Where(b => b.Open != 0))
            body.AppendLine("  " + w.OfWhichOverdue(Amount(b.Open, b.Currency), Amount(b.Overdue, b.Currency)));
        body.AppendLine();
    }

    private static void AttachStatement(StringBuilder body, ReplyWording w, AccountFacts facts, List<Proto.Citation> citations, List<PlannedAttachment> attachments)
    {
        var file = $"statement-{facts.CustomerNumber}-{facts.AsOf.ToText()}.pdf";
        if (attachments.Any(a => a.FileName == file)) return;
        attachments.Add(new PlannedAttachment(file, null));
        citations.Add(new Proto.Citation { Kind = "STATEMENT", Id = facts.CustomerId, Number = facts.AsOf.ToText() });
        var open = facts.OpenInvoices.ToList();
        body.AppendLine(w.StatementAttached(facts.AsOf.ToText(), open.Count)).AppendLine();
        foreach (var i in open) Cite(citations, i);
    }

    private static void InvoiceStatuses(StringBuilder body, ReplyWording w, MailEntities entities, IReadOnlyList<InvoiceFact> asked, AccountFacts facts, List<Proto.Citation> citations)
    {
        if (entities.Invoices.Count == 0)
        {
            Balance(body, w, facts, citations);
            return;
        }
        foreach (var i in asked)
        {
            Cite(citations, i);
            body.AppendLine(i.Open == 0
                ? w.PaidInFull(i.Number, Amount(i.Total, i.Currency), i.DueDate.ToText())
                : w.Open(i.Number, Status(i.Status), Amount(i.Open, i.Currency), Amount(i.Total, i.Currency), i.DueDate.ToText(), DaysLate(i, facts.AsOf)));
        }
        NotFound(body, w, entities, facts);
        body.AppendLine();
    }

    private static void InvoiceCopies(StringBuilder body, ReplyWording w, MailEntities entities, IReadOnlyList<InvoiceFact> asked, AccountFacts facts,
        List<Proto.Citation> citations, List<PlannedAttachment> attachments)
    {
        foreach (var i in asked)
        {
            Cite(citations, i);
            attachments.Add(new PlannedAttachment($"{i.Number}.pdf", i));
        }
        if (asked.Count > 0) body.AppendLine(w.CopiesAttached([.. asked.Select(i => i.Number)]));
        else if (entities.Invoices.Count == 0) body.AppendLine(w.WhichInvoice);
        NotFound(body, w, entities, facts);
        body.AppendLine();
    }

    private static void NotFound(StringBuilder body, ReplyWording w, MailEntities entities, AccountFacts facts)
    {
        foreach (var r in entities.Invoices.Where(r => !facts.Invoices.Any(i => r.Matches(i.Number))))
            body.AppendLine(w.NotFound(r.Written));
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

    /// <summary>The date the customer said they will pay on, if any is still to come.</summary>
    private static string? On(MailEntities entities, DateOnly asOf) =>
        entities.Dates.FirstOrDefault(d => d >= asOf) is var d && d != default ? d.ToText() : null;

    /// <summary>The sentence that says it: the first that names paying, a date or an amount.</summary>
    private static string Quote(string text) =>
        Sentences().Split(text).Select(s => s.Trim()).FirstOrDefault(s => PaySentence().IsMatch(s)) ?? Sentences().Split(text).FirstOrDefault()?.Trim() ?? "";

    private static void Cite(List<Proto.Citation> citations, InvoiceFact i) =>
        citations.Add(new Proto.Citation { Kind = "INVOICE", Id = i.Id, Number = i.Number });

    private static string Status(string status) => status.Replace('_', ' ').ToLowerInvariant();

    private static int DaysLate(InvoiceFact i, DateOnly asOf) => asOf > i.DueDate && i.Open > 0 ? asOf.DayNumber - i.DueDate.DayNumber : 0;

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(pay|paid|payment|transfer|wire|remit|zahlen|bezahlt|überw|pagar|pagado|pago|transferencia)|\d", RegexOptions.IgnoreCase)]
    private static partial Regex PaySentence();
}
