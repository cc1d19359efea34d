using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

/// <summary>What a payment's free text says when no field says it: the payer, their customer number, short invoice numbers, a part payment.</summary>
public sealed class TextEvidenceTests
{
    private static readonly DateOnly Day = new(2026, 11, 3);

    private static readonly OpenInvoice Coral4512 = new("c-4512", "SI-004512/2026", "coral", "AUD", 1250.00m, new(2026, 11, 30));
    private static readonly OpenInvoice Coral4513 = new("c-4513", "SI-004513/2026", "coral", "AUD", 980.40m, new(2026, 12, 5));
    private static readonly OpenInvoice Coral2025 = new("c-25-4512", "SI-004512/2025", "coral", "AUD", 640.00m, new(2025, 12, 30));
    private static readonly OpenInvoice Hunter4399 = new("h-4399", "SI-004399/2026", "hunter", "AUD", 4411.00m, new(2026, 11, 20));
    private static readonly OpenInvoice HunterAlike = new("h-4400", "SI-004400/2026", "hunter", "AUD", 250.00m, new(2026, 11, 20));
    private static readonly OpenInvoice Ab1985 = new("ab", "AB/26/01985", "kaiyo", "JPY", 1610000m, new(2026, 11, 20));
    private static readonly OpenInvoice Ef1985 = new("ef", "EF/26/01985", "other", "JPY", 1610000m, new(2026, 11, 20));

    private static readonly MatchContext World = new(
        [Coral4512, Coral4513, Coral2025, Hunter4399, HunterAlike, Ab1985, Ef1985],
        [
            new CustomerName("coral", "Coral Coast Refrigeration Pty Ltd", Number: "304274"),
            new CustomerName("hunter", "Hunter Valley Civil Contractors Pty Ltd"),
            new CustomerName("kaiyo", "Kaiyo Trading KK"),
            new CustomerName("other", "Solenne Chemicals KK"),
        ],
        new Dictionary<string, string>());

    private static MatchDecision Decide(decimal amount, string text, string currency = "AUD", string payer = "", params RemittanceReference[] remittance) =>
        MatchingEngine.Decide(new PaymentToMatch(currency, amount, Day, payer, "", remittance, text), new MatchIndex(World), new MatchPolicy());

    [Fact]
    public void A_payer_named_only_in_the_text_with_the_amount_of_one_of_their_invoices_applies_on_its_own()
    {
        var decision = Decide(980.40m, "DIRECT CREDIT CORAL COAST REFR TRANSFER");

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal("c-4513", applied.Allocations.Single().InvoiceId);
        Assert.Contains(applied.Reasons, r => r.Contains("the payment's text names 'CORAL COAST REFR'"));
    }

    [Fact]
    public void A_customer_number_the_payer_quotes_identifies_them()
    {
        var decision = Decide(980.40m, "DIRECT CREDIT 613259 ACC NO 304274 inv");

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal("c-4513", applied.Allocations.Single().InvoiceId);
        Assert.Contains(applied.Reasons, r => r.Contains("quotes '304274', this customer's number"));
    }

    [Fact]
    public void A_bpay_customer_reference_of_their_number_and_its_check_digit_identifies_them()
    {
        var paid = Decide(980.40m, "BPAY CRN 3042744 BILLER 254417");
        var wrongCheckDigit = Decide(980.40m, "BPAY CRN 3042745 BILLER 254417");

        var applied = Assert.IsType<MatchProposal>(paid.AutoApply);
        Assert.Equal("c-4513", applied.Allocations.Single().InvoiceId);
        Assert.Contains(applied.Reasons, r => r.Contains("'304274', this customer's number"));
        Assert.Null(wrongCheckDigit.AutoApply);
    }

    [Fact]
    public void A_short_number_names_an_invoice_only_among_the_identified_payers_own()
    {
        var theirs = Decide(1250.00m, "NPP CREDIT CORAL COAST REFRIGERATION PTY LTD 4512");
        var nobodys = Decide(1250.00m, "NPP CREDIT 4512");

        Assert.Equal("c-4512", Assert.IsType<MatchProposal>(theirs.AutoApply).Allocations.Single().InvoiceId);
        Assert.Empty(nobodys.Proposals);
    }

    [Fact]
    public void A_short_number_and_the_start_of_its_customers_name_agree()
    {
        var decision = Decide(2205.50m, "DIRECT CREDIT 236519 HUNTER VALLEY CI PART PYMT 4399");

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal([new Allocation("h-4399", "SI-004399/2026", 2205.50m, 4411.00m)], applied.Allocations);
    }

    [Fact]
    public void A_part_payment_the_payer_says_is_one_leaves_the_rest_open()
    {
        var decision = Decide(2205.50m, "DIRECT CREDIT 236519 HUNTER VALLEY CI PART PYMT 4399");

        var plan = SettlementPlanner.Plan(decision.AutoApply!, 2205.50m, [], "DIRECT CREDIT 236519 HUNTER VALLEY CI PART PYMT 4399", new OutcomePolicy());

        Assert.Equal(ShortfallTreatment.LeaveOpen, plan.Lines.Single().Treatment);
    }

    [Theory]
    [InlineData("instalment 1 of 3", true)]
    [InlineData("2/3 pmt", true)]
    [InlineData("Teilzahlung Rechnung 4711", true)]
    [InlineData("parcela 2", true)]
    [InlineData("payment in full", false)]
    public void A_part_payment_is_read_in_the_words_payers_use(string text, bool says) => Assert.Equal(says, PartPaymentText.Says(text));

    [Fact]
    public void A_credit_note_the_payer_deducted_is_not_read_as_an_invoice_paid()
    {
        Assert.Equal(["SI-004512/2026"], TextNumbers.Find("SI-004512/2026 less CN-004513"));
        Assert.Equal("OTHER", ShortPayReasonText.Find("SI-004512/2026 less CN-004513"));
        Assert.Equal("QUALITY_DAMAGE", ShortPayReasonText.Find("less damaged goods"));
    }

    [Fact]
    public void Far_more_than_the_invoices_named_waits_for_a_person()
    {
        var decision = Decide(50897.65m, "NPP CREDIT CORAL COAST REFRIGERATION PTY LTD SI-004512/2026;SI-");

        Assert.Null(decision.AutoApply);
        Assert.Contains(decision.Proposals[0].Reasons, r => r.Contains("more than twice what the remittance names"));
    }

    [Fact]
    public void A_number_written_without_its_year_finds_this_years_invoice_and_the_wrong_year_is_a_slip()
    {
        var withoutYear = Decide(980.40m, "", payer: "Coral Coast Refrigeration", remittance: new RemittanceReference("4513"));
        var wrongYear = Decide(980.40m, "", payer: "Coral Coast Refrigeration", remittance: new RemittanceReference("SI-004513/2025"));

        Assert.Equal("c-4513", Assert.IsType<MatchProposal>(withoutYear.AutoApply).Allocations.Single().InvoiceId);
        Assert.Equal(ReferenceEvidence.Slip, wrongYear.Proposals[0].Evidence.Reference);
        Assert.Equal("c-4513", wrongYear.AutoApply?.Allocations.Single().InvoiceId);
    }

    [Fact]
    public void A_number_in_the_text_written_exactly_as_issued_is_a_reference_whoever_pays()
    {
        var decision = Decide(1609000m, "ORG:=/NL67INGB2090474712 HALVARD PAYMENT FACTORY OBI:=AB/26/01985 LESS BANK CHARGES", "JPY");

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal((ReferenceEvidence.Exact, AmountEvidence.ShortWithReason), (applied.Evidence.Reference, applied.Evidence.Amount));
        Assert.Equal("ab", applied.Allocations.Single().InvoiceId);
    }

    [Fact]
    public void Of_two_series_numbered_alike_the_one_whose_letters_were_written_is_meant()
    {
        var decision = Decide(1610000m, "", "JPY", "HALVARD PAYMENT FACTORY", new RemittanceReference("AB/26/01985"));

        Assert.Equal("ab", decision.Proposals[0].Allocations.Single().InvoiceId);
        Assert.Equal(ReferenceEvidence.Exact, decision.Proposals[0].Evidence.Reference);
    }
}
