using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

public sealed class MatchingEngineTests
{
    private static readonly DateOnly Day = new(2026, 11, 3);
    private static readonly MatchPolicy Policy = new();

    private static readonly OpenInvoice Acme123 = new("i-123", "INV-2026-000123", "acme", "USD", 324.75m, new(2026, 10, 31), "PO-778");
    private static readonly OpenInvoice Acme124 = new("i-124", "INV-2026-000124", "acme", "USD", 1000.00m, new(2026, 11, 15));
    private static readonly OpenInvoice Acme125 = new("i-125", "INV-2026-000125", "acme", "USD", 675.25m, new(2026, 11, 20),
        DiscountDate: new(2026, 11, 5), DiscountAmount: 13.51m);
    private static readonly OpenInvoice Globex987 = new("i-987", "INV-2026-000987", "globex", "USD", 1000.00m, new(2026, 11, 1));
    private static readonly OpenInvoice Acme2025 = new("i-25-123", "INV-2025-000123", "acme", "USD", 50.00m, new(2025, 12, 1));

    private static readonly MatchContext World = new(
        [Acme123, Acme124, Acme125, Globex987],
        [new CustomerName("acme", "Acme Corporation"), new CustomerName("globex", "Globex GmbH")],
        new Dictionary<string, string> { ["026009593-4471"] = "globex" });

    private static PaymentToMatch Payment(decimal amount, string payer = "", string account = "", params RemittanceReference[] remittance) =>
        new("USD", amount, Day, payer, account, remittance);

    private static MatchDecision Decide(PaymentToMatch payment, MatchContext? context = null) => MatchingEngine.Decide(payment, new MatchIndex(context ?? World), Policy);

    [Theory]
    [InlineData("INV-2026-000123")]
    [InlineData("2026000123")]
    [InlineData("000123")]
    [InlineData("123")]
    [InlineData("inv 123")]
    public void An_invoice_number_however_written_settles_the_invoice_and_applies_on_its_own(string written)
    {
        var decision = Decide(Payment(324.75m, "ACME CORP", "", new RemittanceReference(written)));

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("acme", MatchOutcome.Full), (applied.CustomerId, applied.Outcome));
        Assert.True(applied.Confidence >= 0.99m, $"an exact reference from the customer is near certain, not {applied.Confidence}");
        Assert.Equal([new Allocation("i-123", "INV-2026-000123", 324.75m, 324.75m)], applied.Allocations);
        Assert.Contains(applied.Reasons, r => r.Contains("is invoice INV-2026-000123"));
    }

    [Fact]
    public void A_misread_digit_still_finds_the_invoice_but_with_less_confidence()
    {
        var decision = Decide(Payment(324.75m, "", "", new RemittanceReference("2026000128")));

        var top = decision.Proposals[0];
        Assert.Equal("i-123", top.Allocations[0].InvoiceId);
        Assert.Null(decision.AutoApply);
        Assert.Contains("one digit slip", top.Reasons[0]);
        // INV-…124 is one slip away too; only INV-…123 is open for the amount paid.
        Assert.Contains("it may be open for 324.75", top.Reasons[0]);
    }

    [Fact]
    public void A_misread_digit_with_the_exact_amount_from_the_invoices_own_customer_applies_on_its_own()
    {
        var fromAcme = Decide(Payment(324.75m, "Acme Corporation", "", new RemittanceReference("2026000128")));
        var fromGlobex = Decide(Payment(324.75m, "Globex GmbH", "", new RemittanceReference("2026000128")));

        Assert.Equal("i-123", fromAcme.AutoApply?.Allocations[0].InvoiceId);
        Assert.Contains(fromAcme.AutoApply!.Reasons, r => r.Contains("payer name 'Acme Corporation' is 'Acme Corporation'"));
        Assert.Null(fromGlobex.AutoApply);
    }

    [Fact]
    public void A_reference_to_an_invoice_already_settled_is_not_read_as_a_slip_for_its_neighbour()
    {
        var index = new MatchIndex(World);
        index.Consume("i-123", 324.75m); // paid by an earlier payment of the batch

        // INV-…124 is one slip from INV-…123, and the remittance claims the amount paid: still the payer named a real invoice.
        var decision = MatchingEngine.Decide(Payment(324.75m, "ACME CORP", "", new RemittanceReference("INV-2026-000123", 324.75m)), index, Policy);

        Assert.Null(decision.AutoApply);
        Assert.DoesNotContain(decision.Proposals, p => p.Allocations.Any(a => a.InvoiceId == "i-124"));
    }

    [Fact]
    public void Swapped_misread_dropped_and_doubled_digits_are_slips_but_short_numbers_never_are()
    {
        var slips = InvoiceNumbers.OneSlipVariants("2026000123").ToList();
        Assert.Contains("2026000132", slips); // neighbours swapped
        Assert.Contains("2026000128", slips); // one digit misread
        Assert.Contains("202600123", slips); // the invoice has one digit more than written
        Assert.Contains("20260001253", slips); // … or one less
        Assert.DoesNotContain("2026000321", slips); // two digits apart
        Assert.DoesNotContain("2026000123", slips);
        // Nine other digits at each of ten positions; seven unequal neighbour pairs to swap; eight runs
        // of equal digits to shorten; nine new digits before each of ten (a copy of the next is the
        // same key) and ten at the end.
        Assert.Equal(10 * 9 + 7 + 8 + 10 * 9 + 10, slips.Count);
        Assert.Equal(slips.Count, slips.Distinct().Count());
        Assert.Empty(InvoiceNumbers.OneSlipVariants("123"));
    }

    [Fact]
    public void A_po_number_in_the_remittance_finds_its_invoice()
    {
        var decision = Decide(Payment(324.75m, "", "", new RemittanceReference("PO-778")));

        Assert.Equal("i-123", decision.AutoApply?.Allocations.Single().InvoiceId);
        Assert.Contains("is the PO of invoice", decision.AutoApply!.Reasons[0]);
    }

    [Fact]
    public void Paying_less_than_the_remittance_is_a_short_pay_and_more_is_an_over_pay_on_account()
    {
        var shortPay = Decide(Payment(1300.00m, "", "", new RemittanceReference("123"), new RemittanceReference("124")));
        var overPay = Decide(Payment(400.00m, "", "", new RemittanceReference("123")));

        Assert.Equal((MatchOutcome.ShortPay, 24.75m), (shortPay.Proposals[0].Outcome, shortPay.Proposals[0].Difference));
        Assert.Equal([324.75m, 975.25m], shortPay.Proposals[0].Allocations.Select(a => a.Amount));
        Assert.Equal((MatchOutcome.OverPay, 75.25m), (overPay.Proposals[0].Outcome, overPay.Proposals[0].Difference));
        // More than the invoice from a payer nobody knows: the model learned how often the rest is another invoice.
        Assert.Null(overPay.AutoApply);
    }

    [Fact]
    public void The_remitted_paid_amount_is_what_the_invoice_gets_and_a_shortfall_needs_a_reason_or_a_known_payer()
    {
        var fromAcme = Decide(Payment(300.00m, "Acme Corporation", "", new RemittanceReference("123", 300.00m)));
        var withReason = Decide(Payment(300.00m, "", "", new RemittanceReference("123", 300.00m, "01")));
        var unexplained = Decide(Payment(300.00m, "", "", new RemittanceReference("123", 300.00m)));

        Assert.Equal((MatchOutcome.Full, 300.00m, 24.75m), (fromAcme.AutoApply!.Outcome, fromAcme.AutoApply.Allocations[0].Amount, fromAcme.AutoApply.Allocations[0].Shortfall));
        Assert.NotNull(withReason.AutoApply);
        Assert.Null(unexplained.AutoApply);
        Assert.Contains("no reason given", unexplained.Proposals[0].Reasons[^2]);
    }

    [Fact]
    public void A_parent_company_paying_its_subsidiarys_invoice_by_its_number_is_applied_with_the_reason()
    {
        // The same payment as below, but the customer list says Globex is Acme's parent: a group paying for its own.
        var group = World with { Customers = [new CustomerName("acme", "Acme Corporation", ParentId: "globex"), new CustomerName("globex", "Globex GmbH")] };
        var decision = Decide(Payment(324.75m, "Globex GmbH", "", new RemittanceReference("000123")), group);

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("acme", "i-123"), (applied.CustomerId, applied.Allocations[0].InvoiceId));
        Assert.NotEqual(PayerEvidence.AnotherCustomer, applied.Evidence.Payer);
        Assert.Contains(applied.Reasons, r => r.Contains("Globex GmbH, their parent company"));
    }

    [Fact]
    public void A_subsidiary_paying_its_parents_invoice_is_still_another_customer()
    {
        var group = World with { Customers = [new CustomerName("acme", "Acme Corporation"), new CustomerName("globex", "Globex GmbH", ParentId: "acme")] };
        var decision = Decide(Payment(324.75m, "Globex GmbH", "", new RemittanceReference("000123")), group);

        Assert.Null(decision.AutoApply);
        Assert.Equal(PayerEvidence.AnotherCustomer, decision.Proposals[0].Evidence.Payer);
    }

    [Fact]
    public void An_exact_reference_to_another_customers_invoice_is_not_applied_alone()
    {
        // Globex pays quoting 000123 — Acme's invoice number: a typo that hit a real invoice, or Globex paying for Acme; a person decides.
        var decision = Decide(Payment(324.75m, "Globex GmbH", "", new RemittanceReference("000123")));

        Assert.Equal(("i-123", PayerEvidence.AnotherCustomer), (decision.Proposals[0].Allocations[0].InvoiceId, decision.Proposals[0].Evidence.Payer));
        Assert.Null(decision.AutoApply);
        Assert.Contains(decision.Proposals[0].Reasons, r => r.Contains("the payer looks like another customer"));
    }

    [Fact]
    public void A_reference_two_customers_invoices_answer_to_goes_to_the_identified_payers()
    {
        // Another customer's invoice from last year answers to "000123" too, open for the same amount.
        var context = World with { OpenInvoices = [.. World.OpenInvoices, Acme2025 with { CustomerId = "globex", OpenAmount = 324.75m }] };

        var withoutPayer = Decide(Payment(324.75m, "", "", new RemittanceReference("000123")), context);
        var withPayer = Decide(Payment(324.75m, "Acme Corporation", "", new RemittanceReference("000123")), context);

        Assert.Empty(withoutPayer.Proposals);
        Assert.Equal("i-123", withPayer.AutoApply?.Allocations[0].InvoiceId);
    }

    [Fact]
    public void Without_remittance_a_known_bank_account_and_the_only_invoice_of_the_amount_apply()
    {
        var decision = Decide(Payment(1000.00m, "", "026009593-4471"));
        var underAnotherName = Decide(Payment(1000.00m, "G. GMBH TREASURY", "026009593-4471"));

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("globex", "i-987"), (applied.CustomerId, applied.Allocations[0].InvoiceId));
        // The account under a name that is not Globex's: a payment factory's, paying for whom it does not say.
        Assert.Null(underAnotherName.AutoApply);
        Assert.Equal(PayerEvidence.AccountUnderAnotherName, underAnotherName.Proposals[0].Evidence.Payer);
        Assert.Contains(applied.Reasons, r => r.Contains("bank account ending 4471"));
    }

    [Fact]
    public void A_payer_whose_name_is_only_like_the_customers_paying_a_round_sum_is_a_suggestion_not_an_application()
    {
        var decision = Decide(Payment(1000.00m, "ACMEE CORP"));

        Assert.Equal(("acme", "i-124"), (decision.Proposals[0].CustomerId, decision.Proposals[0].Allocations[0].InvoiceId));
        Assert.Contains("a round sum", decision.Proposals[0].Reasons[1]);
        Assert.Null(decision.AutoApply);
    }

    [Theory]
    [InlineData("ACME CORPORATION INC", 324.75, "i-123")]
    [InlineData("acme corp.", 324.75, "i-123")]
    [InlineData("ACME CORPORATION INC", 1000.00, "i-124")]
    public void A_payer_named_as_the_customer_paying_the_only_open_invoice_of_that_amount_applies_on_its_own(string payer, decimal amount, string invoice)
    {
        var decision = Decide(Payment(amount, payer));

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("acme", invoice), (applied.CustomerId, applied.Allocations.Single().InvoiceId));
        Assert.Contains("no other customer's name is alike", applied.Reasons[0]);
    }

    [Fact]
    public void A_name_cut_short_by_the_bank_is_the_customers_name()
    {
        var world = World with { Customers = [.. World.Customers, new CustomerName("ais", "Acme Industrial Supplies Inc")] };
        var invoice = new OpenInvoice("i-500", "INV-2026-000500", "ais", "USD", 812.40m, new(2026, 11, 1));

        var decision = Decide(Payment(812.40m, "ACME INDUSTRIAL SUPPL"), world with { OpenInvoices = [.. world.OpenInvoices, invoice] });

        Assert.Equal("i-500", Assert.IsType<MatchProposal>(decision.AutoApply).Allocations.Single().InvoiceId);
    }

    [Theory]
    [InlineData("ALLIED BLDG MATE")] // a NACHA company name: abbreviated by the payer, cut at 16 by the format
    [InlineData("Allied Bldg. Materials")]
    public void An_abbreviated_name_cut_to_the_formats_width_is_the_customers_name(string payer)
    {
        var world = World with { Customers = [.. World.Customers, new CustomerName("abm", "Allied Building Materials, Inc.")] };
        var invoice = new OpenInvoice("i-600", "INV-2026-000600", "abm", "USD", 849.95m, new(2026, 11, 1));

        var decision = Decide(Payment(849.95m, payer), world with { OpenInvoices = [.. world.OpenInvoices, invoice] });

        Assert.Equal("i-600", Assert.IsType<MatchProposal>(decision.AutoApply).Allocations.Single().InvoiceId);
        Assert.Equal(PayerEvidence.SameName, decision.AutoApply.Evidence.Payer);
    }

    [Fact]
    public void A_name_alike_two_customers_identifies_neither_well_enough_to_apply()
    {
        // Two accounts for one company, as a customer master often has.
        var world = World with { Customers = [.. World.Customers, new CustomerName("acme-2", "ACME Corp.")] };

        var decision = Decide(Payment(324.75m, "ACME CORPORATION"), world);

        Assert.Equal("i-123", decision.Proposals[0].Allocations.Single().InvoiceId);
        Assert.Null(decision.AutoApply);
    }

    [Fact]
    public void An_early_payment_discount_taken_in_time_matches_the_discounted_amount()
    {
        var decision = Decide(Payment(661.74m, "Acme Corporation"));

        Assert.Equal(("i-125", 661.74m), (decision.Proposals[0].Allocations[0].InvoiceId, decision.Proposals[0].Allocations[0].Amount));
        Assert.Contains("early-payment discount", decision.Proposals[0].Reasons[1]);
    }

    [Fact]
    public void The_only_combination_of_the_payers_open_invoices_that_sums_to_the_payment_applies_on_its_own()
    {
        var decision = Decide(Payment(1324.75m, "Acme Corporation"));

        Assert.Equal(["i-123", "i-124"], Assert.IsType<MatchProposal>(decision.AutoApply).Allocations.Select(a => a.InvoiceId));
        Assert.Contains("no other combination", decision.Proposals[0].Reasons[1]);
    }

    [Fact]
    public void A_combination_found_among_only_the_oldest_of_the_payers_invoices_is_a_suggestion()
    {
        var many = Enumerable.Range(0, Policy.CombinationCandidates).Select(i => new OpenInvoice(
            $"i-9{i:00}", $"INV-2026-0009{i:00}", "acme", "USD", 5000m + i, new(2026, 12, 1 + i)));

        var decision = Decide(Payment(1324.75m, "Acme Corporation"), World with { OpenInvoices = [.. World.OpenInvoices, .. many] });

        Assert.Equal(["i-123", "i-124"], decision.Proposals[0].Allocations.Select(a => a.InvoiceId));
        Assert.Null(decision.AutoApply);
    }

    [Theory]
    [InlineData("202600123")] // a zero left out
    [InlineData("20260001233")] // a digit typed twice
    [InlineData("2026000213")] // neighbours swapped
    public void A_reference_one_slip_off_with_the_exact_amount_from_the_invoices_own_customer_applies_on_its_own(string written)
    {
        var decision = Decide(Payment(324.75m, "Acme Corporation", "", new RemittanceReference(written)));

        Assert.Equal("i-123", Assert.IsType<MatchProposal>(decision.AutoApply).Allocations.Single().InvoiceId);
    }

    [Fact]
    public void Two_invoices_of_the_same_amount_are_ambiguous_and_never_applied()
    {
        var context = World with { OpenInvoices = [.. World.OpenInvoices, Globex987 with { Id = "i-988", Number = "INV-2026-000988" }] };

        var decision = Decide(Payment(1000.00m, "", "026009593-4471"), context);

        Assert.Equal(2, decision.Proposals.Count);
        Assert.Null(decision.AutoApply);
    }

    [Fact]
    public void An_unknown_payer_without_remittance_gets_no_proposal()
    {
        Assert.Empty(Decide(Payment(1000.00m, "Initech")).Proposals);
    }

    [Fact]
    public void The_same_payment_and_world_in_any_order_give_the_same_decision()
    {
        var payment = Payment(1000.00m, "Acme Corporation");
        var shuffled = World with { OpenInvoices = World.OpenInvoices.Reverse().ToList(), Customers = World.Customers.Reverse().ToList() };

        var a = Decide(payment);
        var b = Decide(payment, shuffled);

        Assert.Equal(a.Proposals.Select(p => (p.CustomerId, string.Join(",", p.Allocations), p.Confidence)),
            b.Proposals.Select(p => (p.CustomerId, string.Join(",", p.Allocations), p.Confidence)));
    }

    [Theory]
    [InlineData("Acme Corporation", "ACME CORP.", 1.0)]
    [InlineData("Müller GmbH", "MUELLER", 1.0)]
    [InlineData("Globex GmbH", "Initech LLC", 0.0)]
    public void Names_compare_without_case_accents_punctuation_or_legal_forms(string a, string b, double atLeast)
    {
        Assert.True(NameSimilarity.Score(a, b) >= (decimal)atLeast, $"{a} / {b}: {NameSimilarity.Score(a, b)}");
    }

    private static PaymentToMatch Written(decimal amount, string payer, string text, string account = "") =>
        new("USD", amount, Day, payer, account, [], text);

    [Fact]
    public void An_invoice_number_standing_alone_in_the_text_settles_the_invoice_when_the_amount_is_its_own()
    {
        var decision = Decide(Written(324.75m, "", "GUTSCHRIFT 2026000123"));

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("acme", "i-123", ReferenceEvidence.NumberInText), (applied.CustomerId, applied.Allocations.Single().InvoiceId, applied.Evidence.Reference));
        Assert.Contains("the number '2026000123' in the payment's text is invoice INV-2026-000123", applied.Reasons);
    }

    [Fact]
    public void A_number_alone_in_the_text_that_leaves_money_over_from_an_unknown_payer_waits_for_a_person()
    {
        var decision = Decide(Written(900.00m, "", "OBI:=2026000123 / AB/26/01103"));

        Assert.Equal("i-123", decision.Proposals[0].Allocations[0].InvoiceId);
        Assert.Null(decision.AutoApply);
    }

    [Fact]
    public void A_payer_paying_under_the_name_after_dba_is_the_customer()
    {
        var world = World with { Customers = [new CustomerName("acme", "Acme Corporation d/b/a Roadrunner Supply"), new CustomerName("globex", "Globex GmbH")] };

        var applied = Assert.IsType<MatchProposal>(Decide(Payment(324.75m, "ROADRUNNER SUPPLY"), world).AutoApply);

        Assert.Equal(("acme", "i-123"), (applied.CustomerId, applied.Allocations.Single().InvoiceId));
    }

    [Fact]
    public void A_known_account_paying_under_a_department_name_is_still_its_customer()
    {
        var applied = Assert.IsType<MatchProposal>(Decide(Payment(1000.00m, "ACCOUNTS PAYABLE", "026009593-4471")).AutoApply);

        Assert.Equal(("globex", "i-987", PayerEvidence.KnownAccount), (applied.CustomerId, applied.Allocations.Single().InvoiceId, applied.Evidence.Payer));
    }

    [Fact]
    public void A_discount_the_payer_says_they_took_pins_the_invoice_it_leaves_that_amount_of()
    {
        // 1000.00 less 2 % is 980.00: only invoice i-124 leaves that.
        var decision = Decide(Written(980.00m, "Acme Corporation", "abzgl. 2% Skonto"));

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("i-124", MatchOutcome.ShortPay, 20.00m), (applied.Allocations.Single().InvoiceId, applied.Outcome, applied.Difference));
        Assert.Equal(AmountEvidence.ShortWithReason, applied.Evidence.Amount);
    }
}
