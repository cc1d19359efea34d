using System.Text;
using ArPlatform.Disputes.Evidence;

namespace ArPlatform.Disputes.Tests.Domain;

public sealed class EvidencePolicyTests
{
    private const long Max = 1024;

    private static string? Refusal(string type, byte[] content) => EvidencePolicy.Refuse(type, content, Max)?.Description;

    [Fact]
    public void Documents_of_the_accepted_types_pass()
    {
        Assert.Null(Refusal("application/pdf", "%PDF-1.7\n1 0 obj\n"u8.ToArray()));
        Assert.Null(Refusal("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Null(Refusal("image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Null(Refusal("message/rfc822", "From: ap@acme.example\r\nSubject: POD\r\n\r\nSigned by J. Doe"u8.ToArray()));
    }

    [Fact]
    public void An_unknown_type_is_refused_on_the_content_type()
    {
        var refusal = EvidencePolicy.Refuse("application/x-msdownload", "MZ"u8.ToArray(), Max);

        Assert.Equal("evidence.content_type", refusal?.Field);
    }

    [Fact]
    public void Content_that_is_not_what_its_type_says_is_refused()
    {
        Assert.Contains("not a application/pdf", Refusal("application/pdf", "MZ\x90\x00"u8.ToArray()));
        Assert.Contains("UTF-8", Refusal("text/plain", [0xC3, 0x28]));
    }

    [Fact]
    public void Empty_and_oversized_documents_are_refused()
    {
        Assert.Contains("empty", Refusal("text/plain", []));
        Assert.Contains("at most 1024", Refusal("text/plain", Encoding.ASCII.GetBytes(new string('a', 1025))));
    }

    [Theory]
    [InlineData("text/plain", "Card used: 4111 1111 1111 1111, thanks")]
    [InlineData("application/pdf", "%PDF-1.4\nBT (Paid with 5500-0000-0000-0004) Tj ET")]
    public void A_document_with_a_card_number_anywhere_is_refused(string type, string text)
    {
        Assert.Contains("card number", Refusal(type, Encoding.ASCII.GetBytes(text)));
    }
}
