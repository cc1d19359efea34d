using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class ReplyLanguageTests
{
    private static readonly AccountFacts Facts = new("c-1", "Acme Corp", "C-000001", "Ana Li",
        [new BalanceLine("USD", 1324.75m, 324.75m)],
        [
            new InvoiceFact("i-1", "INV-2026-000123", "ISSUED", "USD", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 324.75m, 324.75m),
            new InvoiceFact("i-2", "INV-2026-000124", "PAID", "USD", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), 500m, 0m),
        ],
        new DateOnly(2026, 11, 30));

    private static ReplyDraftText Draft(string body, params MessageIntent[] intents)
    {
        var mail = MailParser.FromFields("ap@acme.example", "", "Consulta", body, "", "", "", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        var understanding = new Understanding([.. intents.Select(i => new ScoredIntent(i, 0.9))], EntityExtractor.Extract(body, new DateOnly(2026, 11, 30)), [], false);
        return ReplyDrafter.Draft(mail, understanding, Facts, new AgentOptions());
    }

    [Theory]
    [InlineData("Hola, ¿nos pueden indicar el saldo pendiente de nuestra cuenta? Muchas gracias, saludos", "es")]
    [InlineData("Sehr geehrte Damen und Herren, bitte senden Sie uns eine Kopie der Rechnung. Mit freundlichen Grüßen", "de")]
    [InlineData("Bonjour, pourriez-vous nous envoyer le relevé de notre compte ? Merci et cordialement", "fr")]
    [InlineData("Hi, could you please tell us what we owe you? Thanks", "en")]
    [InlineData("Olá, por favor enviem a fatura. Obrigado pela ajuda com o pagamento", "pt")]
    [InlineData("INV-2026-000123?", "en")]
    public void The_language_a_customer_writes_in_is_read_from_its_small_words(string text, string language) =>
        Assert.Equal(language, MailLanguage.Detect(text));

    [Fact]
    public void A_balance_question_in_spanish_is_answered_in_spanish_with_the_same_figures()
    {
        var d = Draft("Hola, ¿cuál es el saldo pendiente de nuestra cuenta? Gracias, saludos", MessageIntent.BalanceInquiry);
        Assert.StartsWith("Estimado/a Ana Li:", d.Body);
        Assert.Contains("1324.75 USD, de los cuales 324.75 USD están vencidos", d.Body);
        Assert.Contains("Le adjuntamos su extracto de cuenta a fecha 2026-11-30, con 1 factura pendiente.", d.Body);
        Assert.Contains("Atentamente,", d.Body);
        Assert.Contains(d.Citations, c => c.Kind == "BALANCE");
    }

    [Fact]
    public void An_invoice_status_question_in_german_is_answered_in_german()
    {
        var d = Draft("Guten Tag, ist die Rechnung INV-2026-000123 und die Rechnung INV-2026-000124 bezahlt? Vielen Dank, mit freundlichen Grüßen", MessageIntent.PaymentStatus);
        Assert.Contains("Von der Rechnung INV-2026-000123 sind 324.75 USD von 324.75 USD offen, fällig am 2026-10-31 (30 Tage überfällig).", d.Body);
        Assert.Contains("Die Rechnung INV-2026-000124 (500.00 USD, fällig am 2026-10-01) ist vollständig bezahlt.", d.Body);
    }

    [Fact]
    public void A_request_for_payment_details_in_french_carries_the_warning_in_french()
    {
        var d = Draft("Bonjour, pouvez-vous nous indiquer comment effectuer le paiement de la facture ? Merci, cordialement", MessageIntent.PaymentInstructions);
        Assert.Contains("nous ne modifions jamais nos coordonnées bancaires par e-mail", d.Body);
        Assert.Contains(new AgentOptions().PaymentInstructions, d.Body);
    }

    [Fact]
    public void A_language_the_agent_has_no_wording_for_is_answered_in_english()
    {
        var d = Draft("Olá, qual é o saldo da nossa conta? Obrigado pela ajuda, por favor respondam", MessageIntent.BalanceInquiry);
        Assert.Contains("1324.75 USD, of which 324.75 USD is overdue", d.Body);
    }

    [Fact]
    public void An_unverified_sender_writing_in_german_is_asked_in_german_to_write_from_a_registered_address()
    {
        var mail = MailParser.FromFields("ap@acme-example.com", "", "Saldo", "Guten Tag, bitte teilen Sie uns den offenen Saldo mit. Danke und freundlichen Grüßen", "", "", "", DateTime.UtcNow);
        var d = ReplyDrafter.AskForRegisteredAddress(mail, new AgentOptions());
        Assert.Contains("hinterlegten E-Mail-Adresse", d.Body);
        Assert.Empty(d.Citations);
    }
}
