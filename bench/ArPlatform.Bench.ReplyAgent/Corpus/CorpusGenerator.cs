using System.Globalization;
using System.Text;

namespace ArPlatform.Bench.ReplyAgent.Corpus;

/// <summary>
/// Writes the labelled corpus: mails in many voices (greetings, sign-offs, signatures, terse or
/// chatty, English with some Spanish and German), a quarter carrying two intents, a third
/// replying above a quoted thread whose words must not count. Seeded, so the shipped file is
/// reproducible. Held-out phrasings (<see cref="Phrasings"/>) make the test split.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Compatible =
    [
        "BALANCE_INQUIRY+STATEMENT_REQUEST", "PAYMENT_STATUS+INVOICE_COPY", "REMITTANCE_ADVICE+STATEMENT_REQUEST", "PROMISE_TO_PAY+DISPUTE",
        "PAYMENT_INSTRUCTIONS+BALANCE_INQUIRY", "PROMISE_TO_PAY+STATEMENT_REQUEST", "INVOICE_COPY+STATEMENT_REQUEST", "TAX_FORM_REQUEST+PAYMENT_INSTRUCTIONS",
        "CONTACT_UPDATE+STATEMENT_REQUEST", "DISPUTE+INVOICE_COPY", "BALANCE_INQUIRY+PAYMENT_STATUS", "REMITTANCE_ADVICE+PAYMENT_STATUS",
        "LEGAL_OR_ESCALATION+DISPUTE", "BANK_DETAILS_CHANGE+CONTACT_UPDATE",
    ];

    public static IEnumerable<LabelledMail> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var intents = Phrasings.ByIntent.Keys.ToList();
        for (var n = 0; n < count; n++)
        {
            var test = random.NextDouble() < 0.2;
            var labels = random.NextDouble() < 0.25 && intents.Count > 1
                ? Compatible[random.Next(Compatible.Length)].Split('+')
                : [intents[random.Next(intents.Count)]];
            var language = random.NextDouble() switch { < 0.7 => "en", < 0.85 => "es", _ => "de" };
            var sentences = labels.Select(l => Phrase(random, l, test, language)).ToList();
            var body = new StringBuilder();
            body.Append(Greeting(random, language));
            body.Append(string.Join(random.Next(2) == 0 ? " " : "\n\n", sentences.Select(s => s.Text)));
            body.Append(Filler(random, language));
            body.Append(SignOff(random, language));
            if (random.NextDouble() < 0.33) body.Append(QuotedThread(random));
            yield return new LabelledMail($"m{n + 1:0000}", test ? "test" : "train", language, Sender(random), Subject(random, labels[0], language),
                body.ToString(), labels);
        }
    }

    /// <summary>A phrasing of the intent in the mail's language (English where the intent has none held out for it).</summary>
    private static (string Text, string Language) Phrase(Random random, string intent, bool test, string language)
    {
        var all = Phrasings.ByIntent[intent];
        var split = Enumerable.Range(0, all.Length).Where(i => (i % 5 == 4) == test).ToList();
        var pool = split.Where(i => Language(all[i]) == language).ToList();
        if (pool.Count == 0) pool = split.Where(i => Language(all[i]) == "en").ToList();
        var template = all[pool[random.Next(pool.Count)]];
        return (Fill(random, template, Language(template)), Language(template));
    }

    private static string Language(string text) =>
        text.IndexOfAny(['¿', 'ñ', 'á', 'é', 'í', 'ó']) >= 0 || text.Contains("factura", StringComparison.OrdinalIgnoreCase) || text.Contains(" de ", StringComparison.Ordinal) && text.Contains("los ", StringComparison.Ordinal) ? "es"
        : text.IndexOfAny(['ä', 'ö', 'ü', 'ß']) >= 0 || text.Contains("Rechnung", StringComparison.Ordinal) || text.Contains(" wir ", StringComparison.OrdinalIgnoreCase) || text.Contains("Bitte", StringComparison.Ordinal) ? "de"
        : "en";

    private static string Fill(Random random, string template, string language) => template
        .Replace("{inv}", InvoiceRef(random, language)).Replace("{amt}", Amount(random)).Replace("{date}", DatePhrase(random, language))
        .Replace("{po}", $"PO-{random.Next(100, 99999)}").Replace("{iban}", $"DE{random.Next(10, 99)} 5001 0517 {random.Next(1000, 9999)} {random.Next(1000, 9999)} {random.Next(10, 99)}")
        .Replace("{acct}", random.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture))
        .Replace("{name}", Pick(random, "Maria Lopez", "Tom Becker", "Priya Shah", "Jonas Weber", "Lucia Martín"))
        .Replace("{email}", Pick(random, "payables@", "ap.team@", "invoices@", "kreditoren@", "facturas@") + Pick(random, "acme.example", "globex.example", "initech.example"));

    private static string InvoiceRef(Random random, string language)
    {
        var serial = random.Next(1, 999999);
        return random.Next(7) switch
        {
            6 when language == "de" => $"Rechnung Nr. {serial % 10000}",
            6 when language == "es" => $"factura nº {serial % 10000}",
            0 => $"INV-2026-{serial:000000}",
            1 => $"2026-{serial:000000}",
            2 => $"#{serial % 10000}",
            3 => $"invoice {serial % 100000}",
            4 => $"INV-2025-{serial:000000}",
            _ => $"no. {serial % 10000}",
        };
    }

    private static string Amount(Random random)
    {
        var value = random.Next(100, 2_000_000) / 100m;
        return random.Next(5) switch
        {
            0 => $"${value.ToString("#,0.00", CultureInfo.InvariantCulture)}",
            1 => $"{value.ToString("#,0.00", CultureInfo.InvariantCulture)} USD",
            2 => $"EUR {value.ToString("0.00", CultureInfo.InvariantCulture)}",
            // German grouping written by hand: the build runs in invariant-globalization mode.
            3 => $"{value.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.')} €",
            _ => $"USD {value.ToString("0.00", CultureInfo.InvariantCulture)}",
        };
    }

    private static string DatePhrase(Random random, string language) => language switch
    {
        "es" => Pick(random, "el próximo viernes", "el 15/12", "el 15 de diciembre", "mañana", "la semana que viene", "el día 20"),
        "de" => Pick(random, "am 15. Dezember", "nächsten Freitag", "am 15.12.2026", "morgen", "nächste Woche", "bis zum 20."),
        _ => Pick(random, "on the 15th", "next Friday", "on 15/12", "on December 15", "by the end of the month", "on Monday", "tomorrow",
            "on 2026-12-20", "next week", "on the 1st", "by 20.12.2026", "this Friday"),
    };

    private static string Greeting(Random random, string language) => language switch
    {
        "es" => Pick(random, "Hola,\n\n", "Buenos días,\n\n", "Estimados señores:\n\n", ""),
        "de" => Pick(random, "Guten Tag,\n\n", "Sehr geehrte Damen und Herren,\n\n", "Hallo zusammen,\n\n", ""),
        _ => Pick(random, "Hi,\n\n", "Hello team,\n\n", "Dear Sir or Madam,\n\n", "Hi Ana,\n\n", "Good morning,\n\n", "", "Hey there - ", "Dear AR team,\n\n"),
    };

    private static string Filler(Random random, string language) => random.Next(4) != 0 ? "" : language switch
    {
        "es" => Pick(random, " Muchas gracias de antemano.", " Quedamos a la espera de su respuesta."),
        "de" => Pick(random, " Vielen Dank im Voraus.", " Wir freuen uns auf Ihre Rückmeldung."),
        _ => Pick(random, " Thanks in advance.", " Appreciate your help.", " Let me know if you need anything else.", " Sorry for the trouble."),
    };

    private static string SignOff(Random random, string language)
    {
        var name = Pick(random, "Ana Li", "Carlos Ruiz", "Hannah Schmidt", "Mike O'Brien", "Sofia Rossi", "Kenji Sato", "AP Team");
        var closing = language switch
        {
            "es" => Pick(random, "Saludos cordiales,", "Un saludo,", "Atentamente,"),
            "de" => Pick(random, "Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße"),
            _ => Pick(random, "Thanks,", "Best regards,", "Kind regards,", "Cheers,", "Regards,", "Thank you,"),
        };
        var signature = random.Next(3) switch
        {
            0 => "",
            1 => $"\n--\n{name}\nAccounts Payable | {Pick(random, "Acme Corp", "Globex GmbH", "Initech S.L.")}\nTel +1 555 0{random.Next(100, 999)}",
            _ => $"\n{Pick(random, "Accounts Payable Specialist", "Finance Manager", "Contabilidad", "Buchhaltung")}\nThis e-mail is confidential.",
        };
        return $"\n\n{closing}\n{name}{signature}";
    }

    /// <summary>Our earlier letter quoted below the reply: its words (overdue, pay, statement) are the old thread, not the request.</summary>
    private static string QuotedThread(Random random)
    {
        var letter = Pick(random,
            "Your invoice INV-2026-000417 of 1,200.00 USD is 30 days overdue. Please pay or send us your remittance advice.",
            "Please find your statement of account attached. If anything is wrong, reply to this e-mail.",
            "Reminder: invoice 2026-000388 is due on 30 November. Our bank details are on the invoice.",
            "We have not received payment for invoice INV-2026-000233. If you dispute it, let us know.");
        return random.Next(3) switch
        {
            0 => $"\n\nOn Mon, Nov 30, 2026 at 9:12 AM Accounts Receivable <ar@ourco.example> wrote:\n> {letter}\n>\n> Accounts Receivable",
            1 => $"\n\n-----Original Message-----\nFrom: Accounts Receivable <ar@ourco.example>\nSent: Monday, November 30, 2026 9:12 AM\nTo: ap@customer.example\nSubject: Overdue invoice\n\n{letter}",
            _ => $"\n\nAm 30.11.2026 um 09:12 schrieb Accounts Receivable <ar@ourco.example>:\n> {letter}",
        };
    }

    private static string Sender(Random random) =>
        Pick(random, "ap@", "accounts.payable@", "finance@", "ana.li@", "kreditoren@", "cuentas@") + Pick(random, "acme.example", "globex.example", "initech.example", "umbrella.example");

    private static string Subject(Random random, string intent, string language) => random.Next(4) switch
    {
        0 => "",
        1 => Pick(random, "Question", "Invoice", "Your email", "Account", language == "de" ? "Anfrage" : language == "es" ? "Consulta" : "Quick question"),
        2 => "RE: " + Pick(random, "Overdue invoice", "Statement of account", "Payment reminder", "Invoice INV-2026-000417"),
        _ => intent switch
        {
            "BALANCE_INQUIRY" => Pick(random, "Balance?", "Outstanding balance", "Saldo pendiente", "Offener Saldo"),
            "STATEMENT_REQUEST" => Pick(random, "Statement request", "Account statement", "Kontoauszug", "Extracto de cuenta"),
            "PAYMENT_STATUS" => Pick(random, "Payment status", "Is this paid?", "Zahlungsstatus"),
            "INVOICE_COPY" => Pick(random, "Invoice copy", "Missing invoice", "Rechnungskopie", "Copia de factura"),
            "REMITTANCE_ADVICE" => Pick(random, "Remittance advice", "Payment notification", "Zahlungsavis", "Aviso de pago"),
            "PROMISE_TO_PAY" => Pick(random, "Payment date", "Payment plan", "Zahlungstermin", "Fecha de pago"),
            "DISPUTE" => Pick(random, "Wrong invoice", "Invoice dispute", "Reklamation", "Reclamación"),
            "PAYMENT_INSTRUCTIONS" => Pick(random, "How to pay", "Payment details", "Bankverbindung", "Datos de pago"),
            "BANK_DETAILS_CHANGE" => Pick(random, "Change of bank details", "New bank account", "Neue Bankverbindung", "Cambio de cuenta"),
            "TAX_FORM_REQUEST" => Pick(random, "W-9 request", "Tax form", "Steuerbescheinigung", "Certificado fiscal"),
            "CONTACT_UPDATE" => Pick(random, "New contact", "Contact change", "Neuer Ansprechpartner", "Cambio de contacto"),
            "AUTO_REPLY" => Pick(random, "Automatic reply: Overdue invoice", "Out of Office", "Abwesenheitsnotiz", "Respuesta automática", "[Ticket #48213] Request received"),
            "LEGAL_OR_ESCALATION" => Pick(random, "Legal notice", "Formal complaint", "Insolvenz", "Aviso legal"),
            _ => Pick(random, "Hello", "Meeting", "Catalogue", "Saludos"),
        },
    };

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
