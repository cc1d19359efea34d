using ArPlatform.Collections.Inbox;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class ReplyStripperTests
{
    [Theory]
    [InlineData("Please send a statement.\n\nOn Mon, Nov 30, 2026 at 9:12 AM AR <ar@ourco.example> wrote:\n> Your invoice is overdue.")]
    [InlineData("Please send a statement.\n\n-----Original Message-----\nFrom: AR\nSent: Monday\n\nYour invoice is overdue.")]
    [InlineData("Please send a statement.\n\nFrom: Accounts Receivable <ar@ourco.example>\nSent: Monday, November 30, 2026 9:12 AM\nSubject: Overdue")]
    [InlineData("Please send a statement.\n\nAm 30.11.2026 um 09:12 schrieb Accounts Receivable <ar@ourco.example>:\n> Ihre Rechnung ist überfällig.")]
    [InlineData("Please send a statement.\n\nEl lun, 30 nov 2026 a las 9:12, AR <ar@ourco.example> escribió:\n> Su factura está vencida.")]
    [InlineData("Please send a statement.\n> Your invoice is overdue.")]
    public void Quoted_threads_in_english_german_and_spanish_forms_are_cut(string text) =>
        Assert.Equal("Please send a statement.", ReplyStripper.NewText(text));

    [Theory]
    [InlineData("Please send a statement.\n\nBest regards,\nAna Li\nAccounts Payable | Acme Corp\nTel +1 555 0100")]
    [InlineData("Please send a statement.\n--\nAna Li\nAcme Corp")]
    [InlineData("Please send a statement.\n\nMit freundlichen Grüßen\nHannah Schmidt\nBuchhaltung")]
    [InlineData("Please send a statement.\n\nSaludos cordiales,\nCarlos Ruiz")]
    public void Signatures_are_not_part_of_the_request(string text) =>
        Assert.Equal("Please send a statement.", ReplyStripper.NewText(text));

    [Fact]
    public void A_mail_that_is_only_new_text_is_left_whole() =>
        Assert.Equal("Hi,\n\nWhat do we owe you?\nThanks, Ana", ReplyStripper.NewText("Hi,\n\nWhat do we owe you?\nThanks, Ana"));
}
