using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class ReplyDrafterTests
{
    private static readonly AccountFacts Facts = new("c-1", "Acme Corp", "C-000001", "Ana Li",
        [new BalanceLine("USD", 1324.75m, 324.75m)],
        [
            new InvoiceFact("i-1", "INV-2026-000123", "ISSUED", "USD", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 324.75m, 324.75m),
            new InvoiceFact("i-2", "INV-2026-000124", "PAID", "USD", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), 500m, 0m),
            new InvoiceFact("i-3", "INV-2026-000125", "ISSUED", "USD", new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 15), 1000m, 1000m),
        ],
        new DateOnly(2026, 11, 30));

    private static ReplyDraftText Draft(string body, params MessageIntent[] intents)
    {
        var mail = MailParser.FromFields("ap@acme.example", "", "Question", body, "", "", "", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        var understanding = new Understanding([.. intents.Select(i => new ScoredIntent(i, 0.9))], EntityExtractor.Extract(body, new DateOnly(2026, 11, 30)), [], false);
        return ReplyDrafter.Draft(mail, understanding, Facts, new AgentOptions());
    }

    [Fact]
    public void A_balance_reply_states_the_open_and_overdue_amounts_attaches_the_statement_and_cites_them()
    {
        var d = Draft("What do we owe?", MessageIntent.BalanceInquiry);
        Assert.Contains("1324.75 USD, of which 324.75 USD is overdue", d.Body);
        Assert.Equal("statement-C-000001-2026-11-30.pdf", Assert.Single(d.Attachments).FileName);
        Assert.Contains(d.Citations, c => c.Kind == "BALANCE" && c.Id == "c-1");
        Assert.Contains(d.Citations, c => c.Kind == "INVOICE" && c.Number == "INV-2026-000123");
        Assert.DoesNotContain(d.Citations, c => c.Number == "INV-2026-000124");
    }

    [Fact]
    public void Each_invoice_asked_about_gets_its_status_open_amount_and_due_date_and_an_unknown_one_is_asked_back()
    {
        var d = Draft("Are #123 and invoice 124 paid? And #999?", MessageIntent.PaymentStatus);
        Assert.Contains("Invoice INV-2026-000123 is issued: 324.75 USD of 324.75 USD is open, due 2026-10-31 (30 days overdue).", d.Body);
        Assert.Contains("Invoice INV-2026-000124 (500.00 USD, due 2026-10-01) is paid in full.", d.Body);
        Assert.Contains("We could not find an invoice \"#999\" on your account", d.Body);
    }

    [Fact]
    public void Payment_instructions_come_from_configuration_with_the_bank_details_warning()
    {
        var d = Draft("How can we pay you?", MessageIntent.PaymentInstructions);
        Assert.Contains(new AgentOptions().PaymentInstructions, d.Body);
        Assert.Contains("we never change our bank details by e-mail", d.Body);
    }

    [Fact]
    public void A_promise_becomes_a_proposed_promise_with_amount_date_invoices_and_the_quoted_sentence()
    {
        var d = Draft("Hi. We will pay $324.75 for INV-2026-000123 on the 15th. Thanks", MessageIntent.PromiseToPay);
        var action = Assert.Single(d.ProposedActions);
        Assert.Equal(("PROMISE_TO_PAY", "324.75", "USD", "2026-12-15"), (action.Kind, action.Amount.Amount, action.Amount.Currency, action.Date));
        Assert.Equal(["i-1"], action.InvoiceIds);
        Assert.Equal("We will pay $324.75 for INV-2026-000123 on the 15th.", action.Quote);
    }

    [Fact]
    public void An_unverified_sender_is_asked_to_write_from_a_registered_address_and_told_nothing()
    {
        var mail = MailParser.FromFields("ap@acme-example.com", "", "Balance?", "What do we owe?", "", "", "", DateTime.UtcNow);
        var d = ReplyDrafter.AskForRegisteredAddress(mail, new AgentOptions());
        Assert.Contains("registered e-mail address", d.Body);
        Assert.Empty(d.Citations);
        Assert.Empty(d.Attachments);
    }
}
