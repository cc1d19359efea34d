using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class RemittanceTextTests
{
    [Theory]
    [InlineData("OBI:=INVOICE 123456", "123456")]
    [InlineData("Rechnung Nr 7983 abzgl. Skonto", "7983")]
    [InlineData("Rechnungsnr. 4724412", "4724412")]
    [InlineData("Factuurnr 4723560 minus korting", "4723560")]
    [InlineData("RE 4723408 moins frais de port", "4723408")]
    [InlineData("Zahlung RE: AB/26/00417", "AB/26/00417")]
    public void A_number_after_the_word_for_invoice_or_regarding_is_a_reference(string text, string reference)
    {
        Assert.Equal([reference], RemittanceText.Extract(text).Select(l => l.Reference));
    }

    [Theory]
    [InlineData("SALARY NOVEMBER 2026")]
    [InlineData("REFUND OF OVERPAYMENT")]
    [InlineData("RE-ORDER")]
    public void Text_without_a_numbered_document_gives_no_reference(string text)
    {
        Assert.Empty(RemittanceText.Extract(text));
    }
}
