using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Every change Billing makes lands in its hash-chained audit trail, and tampering shows.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private BillingService.BillingServiceClient Auditor => _host.ClientAs(Roles.Auditor);

    [Fact]
    public async Task Each_change_records_who_what_and_the_entity_before_and_after()
    {
        var customer = await _host.Client.CreateCustomerAsync(Requests.Customer());
        var draft = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id, issue: false));
        await _host.Client.IssueInvoiceAsync(new IssueInvoiceRequest { Id = draft.Id, RequestId = "issue-1" });

        var history = await Auditor.ListAuditEntriesAsync(new ListAuditEntriesRequest { EntityType = "invoice", EntityId = draft.Id });

        Assert.Equal(["CreateInvoice", "IssueInvoice"], history.Entries.Select(e => e.Operation));
        var issue = history.Entries[1];
        Assert.Equal("tester", issue.Actor);
        Assert.Contains("\"status\": \"INVOICE_STATUS_DRAFT\"", issue.Before);
        Assert.Contains("\"status\": \"INVOICE_STATUS_ISSUED\"", issue.After);
        Assert.Contains("INV-2026-000001", issue.After);
        Assert.Equal(history.Entries[0].Hash, issue.PreviousHash);
        var all = await Auditor.ListAuditEntriesAsync(new ListAuditEntriesRequest());
        Assert.Equal([1L, 2L, 3L], all.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_retried_request_is_audited_once()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "same"));
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "same"));

        var invoices = await Auditor.ListAuditEntriesAsync(new ListAuditEntriesRequest { EntityType = "invoice" });
        Assert.Single(invoices.Entries);
    }

    [Fact]
    public async Task The_correlation_id_of_the_request_is_kept()
    {
        var http = _host.JsonClient(Roles.ArClerk);
        http.DefaultRequestHeaders.Add("x-correlation-id", "ticket-4711");
        var created = await http.PostAsJsonAsync("/v1/customers", new { requestId = "c-9", customer = new { name = "Zeta", currency = "EUR" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var history = await Auditor.ListAuditEntriesAsync(new ListAuditEntriesRequest { EntityType = "customer", EntityId = id });
        Assert.Equal("ticket-4711", Assert.Single(history.Entries).CorrelationId);
    }

    [Fact]
    public async Task The_chain_verifies_until_a_row_is_modified_in_the_database()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        for (var i = 0; i < 3; i++) await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"i-{i}"));
        var intact = await Auditor.VerifyAuditLogAsync(new VerifyAuditLogRequest());
        Assert.Equal((true, 4L), (intact.Intact, intact.EntriesChecked));

        await _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "AuditEntries" SET "Actor" = 'someone-else' WHERE "Sequence" = 3"""));
        var tampered = await Auditor.VerifyAuditLogAsync(new VerifyAuditLogRequest());

        Assert.False(tampered.Intact);
        Assert.Equal(3, tampered.FirstBrokenSequence);
        Assert.Contains("Entry 3", tampered.Reason);
    }

    [Fact]
    public async Task A_deleted_row_is_detected()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId));
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2"));
        await _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 2"""));

        var result = await Auditor.VerifyAuditLogAsync(new VerifyAuditLogRequest());
        Assert.Equal((false, 2L), (result.Intact, result.FirstBrokenSequence));
    }

    [Fact]
    public async Task Only_auditors_controllers_and_managers_read_the_trail()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            _host.ClientAs(Roles.ArClerk).ListAuditEntriesAsync(new ListAuditEntriesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        await _host.ClientAs(Roles.Controller).VerifyAuditLogAsync(new VerifyAuditLogRequest());
        await _host.ClientAs(Roles.ArManager).ListAuditEntriesAsync(new ListAuditEntriesRequest());
    }
}
