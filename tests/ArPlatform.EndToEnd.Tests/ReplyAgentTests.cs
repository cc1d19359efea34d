using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>The reply agent on the real stack: mail to the SMTP port AppHost prints, the draft read as JSON through the gateway.</summary>
[Collection(SharedStack.Name)]
public sealed class ReplyAgentTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task A_contacts_mail_to_the_smtp_port_is_drafted_with_the_balance_and_a_lookalikes_is_escalated()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var customer = (await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "e2e-agent-c", "customer": { "name": "Umbrella", "currency": "USD", "region": "AMER", "collector": "e2e-collector",
              "contacts": [ { "name": "Ana Li", "email": "ap@umbrella.example" } ] } }
            """)).GetProperty("id").GetString();
        await clerk.PostOkAsync("/v1/invoices", $$"""
            { "requestId": "e2e-agent-i", "issue": true, "invoice": { "customerId": "{{customer}}", "invoiceDate": "2020-01-01",
              "lines": [ { "description": "Platform fee", "quantity": "3", "unitPrice": { "currency": "USD", "amount": "100.00" },
                           "taxRatePercent": "8.25" } ] } }
            """);

        Assert.True(Stack.MailIntakePort > 0, "AppHost printed no mail intake port");
        await SendAsync("ap@umbrella.example", "e2e-agent-1@umbrella.example");
        await SendAsync("ap@umbrella-example.com", "e2e-agent-2@umbrella-example.com");

        using var manager = Stack.JsonClient(Roles.ArManager);
        var drafted = await MessageAsync(manager, "e2e-agent-1@umbrella.example");
        Assert.Equal(("BALANCE_INQUIRY", "DRAFTED", customer), (Text(drafted, "intent"), Text(drafted, "disposition"), Text(drafted, "customerId")));
        var draft = await manager.GetFromJsonAsync<JsonElement>($"/v1/collections/reply-drafts/{Text(drafted, "draftId")}");
        Assert.Equal("PENDING_REVIEW", Text(draft, "status"));
        Assert.Contains("324.75 USD, of which 324.75 USD is overdue", Text(draft, "body"));
        Assert.Equal("application/pdf", draft.GetProperty("attachments")[0].GetProperty("contentType").GetString());

        var lookalike = await MessageAsync(manager, "e2e-agent-2@umbrella-example.com");
        Assert.Equal("ESCALATED", Text(lookalike, "disposition"));
        Assert.Equal(("", ""), (Text(lookalike, "draftId"), Text(lookalike, "customerId")));
        Assert.Contains("LOOKALIKE_DOMAIN", lookalike.GetProperty("escalationReasons").EnumerateArray().Select(r => r.GetString()));
    }

    private async Task SendAsync(string from, string messageId)
    {
        var mail = new MimeMessage { Subject = "Balance?", MessageId = messageId };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("ar@ourco.example"));
        mail.Body = new TextPart("plain") { Text = "Hi, what do we owe you as of today?\n\nThanks,\nAna" };
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", Stack.MailIntakePort, SecureSocketOptions.None);
        await smtp.SendAsync(mail);
        await smtp.DisconnectAsync(quit: true);
    }

    private static async Task<JsonElement> MessageAsync(HttpClient http, string messageId)
    {
        var list = await http.GetFromJsonAsync<JsonElement>("/v1/collections/inbox/messages?pageSize=500");
        return list.GetProperty("messages").EnumerateArray().Single(m => Text(m, "messageId") == messageId);
    }

    private static string Text(JsonElement e, string property) => e.TryGetProperty(property, out var p) ? p.GetString() ?? "" : "";
}
