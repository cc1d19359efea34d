using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Xunit.Abstractions;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.CashApplication.Tests.Applications;

/// <summary>
/// A person's application teaches matching who the payer is; their unapply, or their forgetting
/// a lesson, takes it back (Billing, Disputes and CashApplication in memory).
/// </summary>
public sealed class LearningFromPeopleTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>A payer whose name says nothing of the customer it pays for.</summary>
    private const string Factory = "ACME HOLDINGS PAYMENT FACTORY";
    private const string FactoryAccount = "DE44500105175407324931";

    private readonly CashWorld _world = new(new Dictionary<string, string>
    {
        // One match index for every payment of the test: what is forgotten must leave a reused index too.
        ["CashApplication:Matching:ContextCacheSeconds"] = "3600",
    });

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_payer_taught_once_by_a_person_then_applies_itself_without_references_and_with_slipped_ones()
    {
        var (acme, invoices) = await AcmeWithInvoicesAsync(11);
        // Before the lesson: a slipped reference from a stranger is a suggestion, not an application.
        var slipBefore = await _world.RecordAsync("p-slip-0", Total(invoices[6]), Factory, "", Slip(invoices[6]));
        Assert.Equal(PaymentStatus.Unapplied, slipBefore.Status);
        var first = await _world.RecordAsync("p-0", Total(invoices[0]), Factory);
        Assert.Equal(PaymentStatus.Unapplied, first.Status);

        await ApplyAsync(_world.Carl, first, invoices[0], "m-0");

        var next = new List<Payment>();
        for (var n = 1; n <= 5; n++) next.Add(await _world.RecordAsync($"p-{n}", Total(invoices[n]), Factory));
        for (var n = 6; n <= 10; n++) next.Add(await _world.RecordAsync($"p-slip-{n}", Total(invoices[n]), Factory, "", Slip(invoices[n])));

        var automatic = next.Count(p => p.Status == PaymentStatus.Applied && p.Applications.Single().Automatic);
        output.WriteLine($"taught once, then automatic: {automatic}/{next.Count} (5 without a reference, 5 with a slipped one)");
        Assert.Equal(10, automatic);
        Assert.All(next.Zip(invoices.Skip(1)), pair =>
        {
            var application = pair.First.Applications.Single();
            Assert.Equal((acme.Id, pair.Second.Id), (application.CustomerId, application.Lines.Single().InvoiceId));
            Assert.Contains(application.Reasons, r => r.Contains($"payer name '{Factory}' was applied to this customer by a person before"));
        });
    }

    [Fact]
    public async Task Unapplying_an_application_of_a_taught_payer_forgets_the_lesson_so_it_no_longer_applies()
    {
        var (acme, invoices) = await AcmeWithInvoicesAsync(3);
        await ApplyAsync(_world.Carl, await _world.RecordAsync("p-0", Total(invoices[0]), Factory, FactoryAccount), invoices[0], "m-0");
        var taught = await _world.RecordAsync("p-1", Total(invoices[1]), Factory, FactoryAccount);
        Assert.Equal(PaymentStatus.Applied, taught.Status);

        await _world.Cora.UnapplyPaymentAsync(new UnapplyPaymentRequest { Id = taught.Id, RequestId = "u-1", Reason = "the factory pays for a sister company" });
        var after = await _world.RecordAsync("p-2", Total(invoices[2]), Factory, FactoryAccount);

        Assert.Equal(PaymentStatus.Unapplied, after.Status);
        Assert.Empty((await ListAsync(acme.Id)).Lessons);
        var forgotten = (await ListAsync(acme.Id, showForgotten: true)).Lessons;
        Assert.Equal([PayerLessonKind.BankAccount, PayerLessonKind.PayerName], forgotten.Select(l => l.Kind).Order());
        Assert.All(forgotten, l => Assert.Equal("cora", l.ForgottenBy));
        Assert.All(forgotten, l => Assert.Contains($"application {taught.Applications.Single().Id} unapplied: the factory pays for a sister company", l.ForgetReason));
    }

    [Fact]
    public async Task Unapplying_the_application_that_taught_a_lesson_forgets_it()
    {
        var (_, invoices) = await AcmeWithInvoicesAsync(2);
        var first = await _world.RecordAsync("p-0", Total(invoices[0]), Factory);
        await ApplyAsync(_world.Carl, first, invoices[0], "m-0");

        await _world.Cora.UnapplyPaymentAsync(new UnapplyPaymentRequest { Id = first.Id, RequestId = "u-1", Reason = "wrong customer" });
        var next = await _world.RecordAsync("p-1", Total(invoices[1]), Factory);

        Assert.Equal(PaymentStatus.Unapplied, next.Status);
    }

    [Fact]
    public async Task A_person_lists_a_customers_lessons_and_forgets_one_once_however_often_asked_and_it_is_audited()
    {
        var (acme, invoices) = await AcmeWithInvoicesAsync(2);
        var first = await ApplyAsync(_world.Carl, await _world.RecordAsync("p-0", Total(invoices[0]), Factory, FactoryAccount), invoices[0], "m-0");
        var clerk = _world.Cash.ClientAs("clara", Roles.ArClerk);

        var seenByClerk = (await clerk.ListPayerLessonsAsync(new ListPayerLessonsRequest { CustomerId = acme.Id })).Lessons.OrderBy(l => l.Kind).ToList();

        Assert.Equal(
            [(PayerLessonKind.BankAccount, "****4931"), (PayerLessonKind.PayerName, Factory)],
            seenByClerk.Select(l => (l.Kind, l.Payer)));
        Assert.All(seenByClerk, l => Assert.Equal((acme.Id, first.Applications.Single().Id, "carl", false, false),
            (l.CustomerId, l.LearnedFromApplicationId, l.LearnedBy, l.LearnedAutomatically, l.Ambiguous)));
        var name = seenByClerk[1];

        // JSON, as internal apps call it: the cash applier sees the account in full, and forgets the name twice.
        using var http = _world.Cash.JsonClient("cora", Roles.CashApplier);
        var listed = (await http.GetFromJsonAsync<JsonElement>($"/v1/cash-application/payer-lessons?customerId={acme.Id}&kind=BANK_ACCOUNT")).GetProperty("lessons");
        Assert.Equal((1, "BANK_ACCOUNT", FactoryAccount),
            (listed.GetArrayLength(), listed[0].GetProperty("kind").GetString(), listed[0].GetProperty("payer").GetString()));
        var forgets = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            var response = await http.PostAsJsonAsync($"/v1/cash-application/payer-lessons/{name.Id}:forget", new { requestId = "f-1", reason = "a shared treasury name" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            forgets.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        var denied = await Assert.ThrowsAsync<RpcException>(() => clerk.ForgetPayerLessonAsync(new ForgetPayerLessonRequest { Id = name.Id, RequestId = "f-2" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(("cora", "a shared treasury name"), (forgets[0].GetProperty("forgottenBy").GetString(), forgets[0].GetProperty("forgetReason").GetString()));
        Assert.Equal(forgets[0].GetProperty("forgetTime").GetString(), forgets[1].GetProperty("forgetTime").GetString());
        Assert.Equal([PayerLessonKind.BankAccount], (await ListAsync(acme.Id)).Lessons.Select(l => l.Kind));
        // The name alone no longer says who pays (the account, still taught, is not on this payment).
        Assert.Equal(PaymentStatus.Unapplied, (await _world.RecordAsync("p-1", Total(invoices[1]), Factory)).Status);
        var auditor = _world.Cash.ClientAs("audrey", Roles.Auditor);
        var trail = (await auditor.ListAuditEntriesAsync(new Contracts.Common.V1.ListAuditEntriesRequest { EntityType = "payer-lesson" })).Entries;
        Assert.Equal(
            [("ApplyPaymentManually", "carl", seenByClerk[0].Id), ("ApplyPaymentManually", "carl", name.Id), ("ForgetPayerLesson", "cora", name.Id)],
            trail.Select(e => (e.Operation, e.Actor, e.EntityId)).OrderBy(e => e.Operation).ThenBy(e => e.EntityId == name.Id));
        Assert.True((await auditor.VerifyAuditLogAsync(new Contracts.Common.V1.VerifyAuditLogRequest())).Intact);
    }

    [Fact]
    public async Task A_collector_lists_lessons_only_of_a_customer_they_name()
    {
        var collector = _world.Cash.ClientAs("colin", Roles.Collector);

        var error = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => collector.ListPayerLessonsAsync(new ListPayerLessonsRequest()).ResponseAsync);

        Assert.Contains("customer_id", error.FieldViolations());
    }

    [Fact]
    public async Task A_payer_name_that_already_says_who_the_customer_is_teaches_no_alias()
    {
        var (acme, invoices) = await AcmeWithInvoicesAsync(1);
        // Part of an invoice: known by name, but nothing the amount alone could settle.
        var payment = await _world.RecordAsync("p-0", "50.00", "ACME CORP");
        Assert.Equal(PaymentStatus.Unapplied, payment.Status);

        await ApplyAsync(_world.Carl, payment, invoices[0], "m-0", amount: "50.00");

        Assert.Empty((await ListAsync(acme.Id)).Lessons);
    }

    [Fact]
    public async Task A_payer_taught_for_two_customers_identifies_neither()
    {
        var (acme, invoices) = await AcmeWithInvoicesAsync(2);
        var globex = await _world.CustomerAsync("Globex GmbH", "c-globex");
        var globexInvoice = await _world.InvoiceAsync(globex.Id, "g-1", unitPrice: "5000.00");
        await ApplyAsync(_world.Carl, await _world.RecordAsync("p-0", Total(invoices[0]), Factory), invoices[0], "m-0");
        await ApplyAsync(_world.Carl, await _world.RecordAsync("p-1", Total(globexInvoice), Factory), globexInvoice, "m-1");

        var next = await _world.RecordAsync("p-2", Total(invoices[1]), Factory);

        Assert.Equal(PaymentStatus.Unapplied, next.Status);
        Assert.True((await ListAsync(acme.Id)).Lessons.Single().Ambiguous);
        Assert.True((await ListAsync(globex.Id)).Lessons.Single().Ambiguous);
    }

    private async Task<(Proto.Customer Acme, List<Proto.Invoice> Invoices)> AcmeWithInvoicesAsync(int count)
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoices = new List<Proto.Invoice>();
        // 108.25, 216.50, 324.75 …: every amount one invoice's only.
        for (var n = 1; n <= count; n++) invoices.Add(await _world.InvoiceAsync(acme.Id, $"i-{n}", unitPrice: $"{100 * n}.00"));
        return (acme, invoices);
    }

    private static string Total(Proto.Invoice invoice) => invoice.Total.Amount;

    /// <summary>The invoice's number one digit misread (INV-2026-000007 as INV-2026-000907): no invoice has that number.</summary>
    private static string Slip(Proto.Invoice invoice) => invoice.Number[..^3] + "9" + invoice.Number[^2..];

    private static async Task<Payment> ApplyAsync(
        CashApplicationService.CashApplicationServiceClient person, Payment payment, Proto.Invoice invoice, string requestId, string? amount = null)
    {
        var applied = await person.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = requestId,
            Allocations = { new ManualAllocation { InvoiceId = invoice.Id, Amount = amount is null ? invoice.OpenAmount : Requests.Usd(amount) } },
        });
        Assert.Equal(PaymentStatus.Applied, applied.Status);
        return applied;
    }

    private async Task<ListPayerLessonsResponse> ListAsync(string customerId, bool showForgotten = false) =>
        await _world.Carl.ListPayerLessonsAsync(new ListPayerLessonsRequest { CustomerId = customerId, ShowForgotten = showForgotten });
}
