using ArPlatform.Collections.Agent;
using ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class LeakCheckTests
{
    private static readonly Customer[] Directory =
    [
        new() { Id = "acme", Name = "Acme Corp" },
        new() { Id = "globex", Name = "Globex Industries", LegalName = "Globex Industries GmbH" },
    ];

    [Fact]
    public void A_reply_about_the_customers_own_invoices_passes() =>
        Assert.Empty(LeakCheck.Findings("Dear Acme Corp, invoice INV-2026-000001 is open.", "acme", ["INV-2026-000001"], Directory));

    [Fact]
    public void Another_customers_invoice_number_or_name_is_found()
    {
        var findings = LeakCheck.Findings("Invoice INV-2026-000002 of Globex Industries is open.", "acme", ["INV-2026-000001"], Directory);
        Assert.Contains("OTHER_INVOICE_NUMBER INV-2026-000002", findings);
        Assert.Contains("OTHER_CUSTOMER_NAME globex", findings);
    }

    [Fact]
    public void A_card_number_passing_the_luhn_check_is_found_and_other_long_numbers_are_not()
    {
        Assert.Contains("CARD_NUMBER", LeakCheck.Findings("Your card 4111 1111 1111 1111 was charged.", "acme", [], Directory));
        Assert.Empty(LeakCheck.Findings("Reference 4111 1111 1111 1112.", "acme", [], Directory));
    }
}
