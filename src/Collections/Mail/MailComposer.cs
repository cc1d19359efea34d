using System.Globalization;
using System.Text;
using ArPlatform.SharedKernel;

namespace ArPlatform.Collections.Mail;

/// <summary>A line of a letter: one open invoice.</summary>
public readonly record struct LetterInvoice(string Number, DateOnly DueDate, decimal OpenAmount, string Currency);

/// <summary>
/// Writes the letters from templates and real account data: pure, so what a customer receives
/// is testable to the character. Placeholders in a template: {customer}, {total}, {as_of}.
/// </summary>
public static class MailComposer
{
    public static (string Subject, string Body) Dunning(MailTemplate template, string customerName, string customerId,
        IReadOnlyList<LetterInvoice> invoices, DateOnly asOf, string statementLinkBase)
    {
        var totals = Totals(invoices);
        var body = new StringBuilder();
        body.AppendLine($"Dear {customerName},").AppendLine();
        body.AppendLine(Fill(template.Opening, customerName, totals, asOf)).AppendLine();
        body.AppendLine("Invoice            Due date     Days overdue          Open amount");
        foreach (var i in invoices.OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal))
        {
            var overdue = Math.Max(0, asOf.DayNumber - i.DueDate.DayNumber);
            body.Append(CultureInfo.InvariantCulture, $"{i.Number,-18} {i.DueDate.ToText(),-12} {overdue,12} {Amount(i.OpenAmount, i.Currency),20}")
                .AppendLine();
        }
        body.AppendLine().AppendLine($"Total open: {totals}").AppendLine();
        body.AppendLine($"Your statement: {StatementLink(statementLinkBase, customerId)}").AppendLine();
        body.AppendLine("If you have already paid, thank you, and please disregard this message. If anything on an")
            .AppendLine("invoice is wrong, reply to this e-mail and we will look into it.").AppendLine();
        body.AppendLine("Accounts Receivable");
        return (Fill(template.Subject, customerName, totals, asOf), body.ToString());
    }

    public static (string Subject, string Body) Statement(string customerName, string customerId, IReadOnlyList<LetterInvoice> invoices,
        DateOnly asOf, string statementLinkBase)
    {
        var template = new MailTemplate
        {
            Subject = "Your statement of account as of {as_of}",
            Opening = "Please find below the invoices open on your account as of {as_of}.",
        };
        return Dunning(template, customerName, customerId, invoices, asOf, statementLinkBase);
    }

    public static string StatementLink(string linkBase, string customerId) =>
        $"{linkBase.TrimEnd('/')}/v1/customers/{Uri.EscapeDataString(customerId)}/statement.html";

    private static string Totals(IEnumerable<LetterInvoice> invoices) =>
        string.Join(" + ", invoices.GroupBy(i => i.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Amount(g.Sum(i => i.OpenAmount), g.Key)));

    private static string Fill(string text, string customer, string total, DateOnly asOf) =>
        text.Replace("{customer}", customer).Replace("{total}", total).Replace("{as_of}", asOf.ToText());

    private static string Amount(decimal amount, string currency) =>
        $"{new Money(amount, Currency.Of(currency)).FormatAmount()} {currency}";
}
