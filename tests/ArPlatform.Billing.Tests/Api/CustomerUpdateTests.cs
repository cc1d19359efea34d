using System.Net;
using System.Text;
using System.Text.Json;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Customer master updates: only the named fields, validated, and never over someone else's change.</summary>
public sealed class CustomerUpdateTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private static UpdateCustomerRequest Update(Customer changes, string requestId, params string[] paths) => new()
    {
        Customer = changes, RequestId = requestId, UpdateMask = new FieldMask { Paths = { paths } },
    };

    [Fact]
    public async Task Only_the_named_fields_change_and_the_etag_moves_on()
    {
        var created = await _host.Client.CreateCustomerAsync(Requests.Customer());
        var changes = new Customer
        {
            Id = created.Id, Etag = created.Etag, Name = "Acme Corporation", Region = "EMEA",
            PaymentTerms = new PaymentTerms { NetDays = 45 },
        };

        var updated = await _host.Client.UpdateCustomerAsync(Update(changes, "u-1", "name", "payment_terms"));

        Assert.Equal(("Acme Corporation", "AMER", 45, ""), (updated.Name, updated.Region, updated.PaymentTerms.NetDays, updated.PaymentTerms.DiscountPercent));
        Assert.Equal(created.Contacts, updated.Contacts);
        Assert.NotEqual(created.Etag, updated.Etag);
        var history = await _host.ClientAs(Roles.Auditor).ListAuditEntriesAsync(
            new Contracts.Common.V1.ListAuditEntriesRequest { EntityType = "customer", EntityId = created.Id });
        Assert.Equal(["CreateCustomer", "UpdateCustomer"], history.Entries.Select(e => e.Operation));
    }

    [Fact]
    public async Task An_update_based_on_a_stale_read_is_aborted_and_changes_nothing()
    {
        var created = await _host.Client.CreateCustomerAsync(Requests.Customer());
        await _host.Client.UpdateCustomerAsync(Update(new Customer { Id = created.Id, Etag = created.Etag, Name = "First editor" }, "u-1", "name"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Client.UpdateCustomerAsync(
            Update(new Customer { Id = created.Id, Etag = created.Etag, Name = "Second editor" }, "u-2", "name")).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("First editor", (await _host.Client.GetCustomerAsync(new GetCustomerRequest { Id = created.Id })).Name);
    }

    [Fact]
    public async Task Ledger_postings_do_not_make_an_editor_s_etag_stale()
    {
        var created = await _host.Client.CreateCustomerAsync(Requests.Customer());
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(created.Id));

        var updated = await _host.Client.UpdateCustomerAsync(Update(new Customer { Id = created.Id, Etag = created.Etag, Region = "APAC" }, "u-1", "region"));
        Assert.Equal("APAC", updated.Region);
    }

    [Fact]
    public async Task Bad_masks_and_bad_values_are_invalid_arguments()
    {
        var created = await _host.Client.CreateCustomerAsync(Requests.Customer());
        var currency = await Assert.ThrowsAsync<RpcException>(() => _host.Client.UpdateCustomerAsync(
            Update(new Customer { Id = created.Id, Currency = "EUR" }, "u-1", "currency")).ResponseAsync);
        Assert.Equal(["update_mask"], currency.GetRpcStatus()!.FieldViolations());

        var region = await Assert.ThrowsAsync<RpcException>(() => _host.Client.UpdateCustomerAsync(
            Update(new Customer { Id = created.Id, Region = "MARS" }, "u-2", "region")).ResponseAsync);
        Assert.Equal(["customer.region"], region.GetRpcStatus()!.FieldViolations());
    }

    [Fact]
    public async Task Json_callers_patch_with_an_update_mask_query()
    {
        var created = await _host.Client.CreateCustomerAsync(Requests.Customer());
        var http = _host.JsonClient(Roles.ArClerk);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/customers/{created.Id}?updateMask=name,creditLimit&requestId=u-json")
        {
            Content = new StringContent($$"""{ "name": "Acme Ltd", "etag": "{{created.Etag}}", "creditLimit": { "currency": "USD", "amount": "75000.00" } }""",
                Encoding.UTF8, "application/json"),
        };
        var response = await http.SendAsync(patch);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("Acme Ltd", "75000.00"), (json.GetProperty("name").GetString(), json.GetProperty("creditLimit").GetProperty("amount").GetString()));
    }
}
