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
    [InlineData("Lieferung vom 22.10. RE4312291", "4312291")]
    [InlineData("Facture n° 43 08 629", "4308629")]
    [InlineData("Fatt. n. 4310369", "4310369")]
    [InlineData("INV NO 43 06 482", "4306482")]
    [InlineData("Fakturanr 4306436", "4306436")]
    [InlineData("INV 4711 1250.00", "4711")]
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

    [Fact]
    public void An_x12_rmr_segment_in_the_text_is_a_remittance_line_with_what_it_paid()
    {
        var lines = RemittanceText.Extract("AP PAYMENT RMR*IV*2026024609*PI*2287.50\\LESS DAMAGED GOODS 112.50");

        Assert.Equal([new RemittanceLine("IV", "2026024609", 2287.50m)], lines);
    }

    [Theory]
    [InlineData("PAYMENT FOR SERVICES PER PO 4520474 THANK YOU", "4520474")]
    [InlineData("ADDENDA:PO#4533732", "4533732")]
    [InlineData("P.O. No. 778", "778")]
    public void A_number_after_po_is_a_purchase_order(string text, string order)
    {
        Assert.Equal([("PO", order)], RemittanceText.Extract(text).Select(l => (l.Qualifier, l.Reference)));
    }

    [Fact]
    public void A_po_box_is_not_a_purchase_order()
    {
        Assert.Empty(RemittanceText.Extract("ACME CORP PO BOX 1234 DALLAS"));
    }
}
