using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class TaxFormTests
{
    private static readonly SenderResolution Contact = new("c-1", SenderMatch.Contact, "");
    private static readonly AgentOptions WithForm = new() { TaxFormFile = "/etc/ar/w9-ourco.pdf" };

    private static Understanding Asking(params MessageIntent[] intents) =>
        new([.. intents.Select(i => new ScoredIntent(i, 0.9))], new MailEntities([], [], [], []), [], AutoReply: false);

    [Fact]
    public void A_tax_form_request_goes_to_a_person_until_a_form_is_configured()
    {
        Assert.Equal(["NO_TEMPLATE_TAX_FORM_REQUEST"], Triage.Decide(Asking(MessageIntent.TaxFormRequest), Contact, ReplyDrafter.AnswerableWith(new AgentOptions())).Reasons);
        Assert.Equal(MessageDisposition.Drafted, Triage.Decide(Asking(MessageIntent.TaxFormRequest), Contact, ReplyDrafter.AnswerableWith(WithForm)).Disposition);
    }

    [Fact]
    public void The_configured_form_is_attached_and_cited()
    {
        var mail = MailParser.FromFields("ap@acme.example", "", "W-9", "Please send us your W-9 for our vendor file.", "", "", "", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        var facts = new AccountFacts("c-1", "Acme Corp", "C-000001", "Ana Li", [], [], new DateOnly(2026, 11, 30));
        var d = ReplyDrafter.Draft(mail, Asking(MessageIntent.TaxFormRequest), facts, WithForm);

        var form = Assert.Single(d.Attachments);
        Assert.Equal(("w9-ourco.pdf", "/etc/ar/w9-ourco.pdf"), (form.FileName, form.FilePath));
        Assert.Contains("Please find attached our tax form (w9-ourco.pdf).", d.Body);
        Assert.Contains(d.Citations, c => c.Kind == "CONFIGURATION" && c.Id == "Collections:Agent:TaxFormFile");
    }

    [Fact]
    public void A_tax_form_that_is_not_there_is_refused_at_start() =>
        Assert.True(new AgentOptionsValidator().Validate(null, new AgentOptions { TaxFormFile = "/nowhere/w9.pdf" }).Failed);
}
