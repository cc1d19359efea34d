using System.Text;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Tests.Infrastructure;

namespace ArPlatform.CashApplication.Tests.BankFiles;

/// <summary>The payer read from free text, as US and European banks key it.</summary>
public sealed class PayerTextTests
{
    [Theory]
    [InlineData("ORIG CO NAME:ACME CORP ORIG ID:1234567890 DESC DATE:261103 CO ENTRY DESCR:PAYMENT SEC:CCD TRACE#:091000010001234",
        "ACME CORP", "1234567890")]
    [InlineData("ORG:=OPTIONS LINK WIRE CLEARING ORG ADDRESS:=1995 SE. 57TH ST. NY, NY 10022 OBI:=INVOICE 123456", "OPTIONS LINK WIRE CLEARING", "")]
    [InlineData("WIRE IN ORG=/0123456789 GLOBEX GMBH OBI=INV 778 BNF=OUR COMPANY INC", "GLOBEX GMBH", "0123456789")]
    [InlineData("FEDWIRE CREDIT B/O INITECH LLC REF INV 2026-000123", "INITECH LLC REF INV 2026-000123", "")]
    [InlineData("BY ORDER OF Umbrella Corp., Leeds", "Umbrella Corp., Leeds", "")]
    [InlineData("SENDER BNK:=ETRADE BANK SENDER ID:=056073573 SENDER:=HOOLI INC BNF NAME:=YOUR NAME HERE INC", "HOOLI INC", "")]
    [InlineData("DEBTOR: Stark Industries REMITTANCE INFO: INV 55", "Stark Industries", "")]
    [InlineData("RTP Incoming,From: SAMPLE INC, Remittance Info: \"Test Remittance\", Client Ref ID: RTR60880840833", "SAMPLE INC", "")]
    [InlineData("ORIGINATOR: Wayne Enterprises", "Wayne Enterprises", "")]
    [InlineData("ORG: ACME CORP BENEFICIARY: ARPLATFORM INC", "ACME CORP", "")]
    [InlineData("BY ORDER OF Globex SA BENEFICIARY NAME: ArPlatform Inc BENEFICIARY ACCOUNT: 0004567890", "Globex SA", "")]
    [InlineData("GIRO AUFTRAGGEBER: Uhren Brunner GmbH IBAN CH7154259145631195 MITTEILUNG: 4306237", "Uhren Brunner GmbH", "CH7154259145631195")]
    [InlineData("GIRO DONNEUR D'ORDRE: KÄSEREI GERBER AG MITTEILUNG: Facture 430572", "KÄSEREI GERBER AG", "")]
    [InlineData("GIRO ORDERING CUSTOMER: Holzbau Gerber SA IBAN CH28960870810122748 MITTEILUNG: 4306614", "Holzbau Gerber SA", "CH28960870810122748")]
    [InlineData("GIRO AUFTRAGGEBER: PRAEZISION GERBER SA IBAN CH**************0663 MITTEILUNG: RE 4308605", "PRAEZISION GERBER SA", "")]
    public void The_payer_is_read_from_its_key_up_to_the_next_key(string text, string name, string account)
    {
        Assert.Equal((name, account), PayerText.Find(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("LOCK BOX NO.68751")]
    [InlineData("SENDER BNK:=ETRADE BANK BNF NAME:=YOUR NAME HERE INC OBI:=INVOICE 123456")]
    [InlineData("ORG:=1234567890 OBI:=INVOICE 9")]
    [InlineData("Outgoing Wire,To: TEST AND COMPANY, Remittance Info: \"081823 Invoice - Sample\"")]
    [InlineData("BENEFICIARY: ARPLATFORM INC OBI:=INVOICE 5")]
    [InlineData("WIRE IN OBI:=B/O HOOLI INC INV 778")]
    [InlineData("Incoming Wire, Remittance Info: \"From: HOOLI INC, INV 778\"")]
    public void Text_that_names_no_payer_gives_none(string text)
    {
        Assert.Equal("", PayerText.Find(text).Name);
    }

    [Fact]
    public void A_bai2_wire_names_its_originator_in_the_88_text()
    {
        const string file = """
            01,122099999,123456789,260103,0800,1,,,2/
            02,123456789,122099999,1,260103,,USD,2/
            03,0004567890,USD,010,500000,,,/
            16,195,250000,,FED123,,WIRE TRANSFER CREDIT/
            88,ORG:=GLOBEX CORPORATION
            88,ORG ADDRESS:=1 MAIN ST SPRINGFIELD
            88,OBI:=INV 2026-000123
            49,750000,6/
            98,750000,1,8/
            99,750000,1,10/
            """;

        var payment = Bai2Parser.Parse(new StringReader(file)).Single();

        Assert.Equal("GLOBEX CORPORATION", payment.PayerName);
        Assert.Equal("2026-000123", payment.Remittance.Single().Reference);
    }

    [Theory]
    [InlineData("ORG:=GLOBEX CORP OBI:=PAYMENT BY ORDER OF HOOLI INC INV 778 BNF:=ARPLATFORM INC")]
    [InlineData("OBI:=PAYMENT BY ORDER OF HOOLI INC INV 778 ORG:=GLOBEX CORP")]
    [InlineData("OBI=FROM: HOOLI INC INV 778 ORG=/0123456789 GLOBEX CORP")]
    public void What_the_originator_writes_to_us_in_the_obi_is_remittance_and_the_next_wire_tag_ends_it(string text)
    {
        Assert.Equal("GLOBEX CORP", PayerText.Find(text).Name);
    }

    [Fact]
    public void A_bai2_ach_credit_names_its_originating_company_and_its_id_in_the_88_text()
    {
        const string file = """
            01,122099999,123456789,260103,0800,1,,,2/
            02,123456789,122099999,1,260103,,USD,2/
            03,0004567890,USD,010,500000,,,/
            16,165,32475,0,ACH-1,,ACH CREDIT RECEIVED/
            88,ORIG CO NAME:ACME CORP ORIG ID:1234567890 DESC DATE:260103
            88,CO ENTRY DESCR:PAYMENT SEC:CCD TRACE#:091000010001234 IND NAME:ARPLATFORM INC
            49,532475,5/
            98,532475,1,7/
            99,532475,1,9/
            """;

        var payment = Bai2Parser.Parse(new StringReader(file)).Single();

        Assert.Equal(("ACME CORP", "1234567890"), (payment.PayerName, payment.PayerAccount));
    }

    [Fact]
    public void A_bai2_wire_by_order_of_its_payer_keeps_the_beneficiary_and_the_obi_out_of_the_payer()
    {
        const string file = """
            01,122099999,123456789,260103,0800,1,,,2/
            02,123456789,122099999,1,260103,,USD,2/
            03,0004567890,USD,010,500000,,,/
            16,195,1250000,0,FW-1,,WIRE TRANSFER CREDIT/
            88,B/O GLOBEX CORPORATION
            88,BENEFICIARY:ARPLATFORM INC
            88,OBI:=BY ORDER OF HOOLI INC INV 2026-000991
            49,1750000,6/
            98,1750000,1,8/
            99,1750000,1,10/
            """;

        var payment = Bai2Parser.Parse(new StringReader(file)).Single();

        Assert.Equal(("GLOBEX CORPORATION", ""), (payment.PayerName, payment.PayerAccount));
        Assert.Equal(["2026-000991"], payment.Remittance.Select(r => r.Reference));
    }

    [BankSamplesFact]
    public void The_public_bai2_wire_sample_names_its_originator_not_its_sending_bank_or_beneficiary()
    {
        using var reader = new StreamReader(BankSamples.PathOf("bai2", "venturehacks__bai2__eod.bai2"), Encoding.UTF8);

        var wire = Bai2Parser.Parse(reader).Single();

        // SENDER ID:=056073573 is the sending bank's routing number, BNF NAME:=YOUR NAME HERE INC is us.
        Assert.Equal(("OPTIONS LINK WIRE CLEARING", ""), (wire.PayerName, wire.PayerAccount));
        Assert.Equal(["123456"], wire.Remittance.Select(r => r.Reference));
    }

    [Fact]
    public void An_iban_alone_in_a_giro_text_is_the_payers_account_and_one_after_our_name_is_not()
    {
        Assert.Equal(("", "CH2638539803137838"), PayerText.Find("GIRO IBAN CH2638539803137838 MITTEILUNG:"));
        Assert.Equal(("ACME AG", ""), PayerText.Find("ORG: ACME AG BNF: ARPLATFORM AG IBAN CH2638539803137838"));
    }
}
