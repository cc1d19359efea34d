using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Disputes.Tests.Api;

/// <summary>Who may do what, what is never stored, and what auditors can prove.</summary>
public sealed class ControlsTests : IDisposable
{
    private const string Pan = "4111 1111 1111 1111";
    private readonly DisputesWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        using var http = _world.Disputes.CreateClient();

        var response = await http.GetAsync("/v1/disputes");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Auditor, "OpenDispute")]
    [InlineData(Roles.Controller, "OpenDispute")]
    [InlineData(Roles.Collector, "ResolveDispute")]
    [InlineData(Roles.CashApplier, "ResolveDispute")]
    [InlineData(Roles.ArClerk, "ListAuditEntries")]
    public async Task A_role_without_the_right_is_denied(string role, string rpc)
    {
        var client = _world.Disputes.ClientAs("someone", role);
        Func<Task> call = rpc switch
        {
            "OpenDispute" => () => client.OpenDisputeAsync(DisputesWorld.Open("any")).ResponseAsync,
            "ResolveDispute" => () => client.ResolveDisputeAsync(new() { Id = "any", RequestId = "r", Outcome = DisputeOutcome.Valid }).ResponseAsync,
            _ => () => client.ListAuditEntriesAsync(new()).ResponseAsync,
        };

        var denied = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task The_api_md_json_bodies_open_and_resolve_a_case()
    {
        var invoice = await _world.InvoiceAsync();
        using var http = _world.Disputes.JsonClient("mia", Roles.ArManager);

        var opened = await http.PostAsJsonAsync("/v1/disputes", new
        {
            requestId = "d-1",
            dispute = new
            {
                invoiceId = invoice.Id, reasonCode = "PRICING", source = "CUSTOMER",
                amount = new { currency = "USD", amount = "24.75" }, description = "Unit price differs from contract",
            },
        });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var resolved = await http.PostAsJsonAsync($"/v1/disputes/{id}:resolve", new
        {
            requestId = "r-1", outcome = "VALID", creditedAmount = new { currency = "USD", amount = "24.75" },
        });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("RESOLVED_VALID", "24.75"), (body.GetProperty("status").GetString(), body.GetProperty("creditedAmount").GetProperty("amount").GetString()));
        var analytics = await (await http.GetAsync("/v1/disputes/analytics")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PRICING", analytics.GetProperty("byReason")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_valid_resolution_stating_another_amount_than_disputed_is_refused_naming_the_field()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "24.75"));
        using var http = _world.Disputes.JsonClient("mia", Roles.ArManager);

        var resolved = await http.PostAsJsonAsync($"/v1/disputes/{dispute.Id}:resolve", new
        {
            requestId = "r-1", outcome = "VALID", creditedAmount = new { currency = "USD", amount = "20.00" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, resolved.StatusCode);
        var violation = (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details")[0].GetProperty("fieldViolations")[0];
        Assert.Equal("credited_amount", violation.GetProperty("field").GetString());
        Assert.Equal(Contracts.Disputes.V1.DisputeStatus.Open, (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).Status);
    }

    [Fact]
    public async Task A_card_number_typed_into_any_text_is_never_stored()
    {
        var invoice = await _world.InvoiceAsync();
        var request = DisputesWorld.Open(invoice.Id);
        request.Dispute.Description = $"Customer read out card {Pan} on the call";
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(request);
        await _world.Disputes.Client.AddDisputeNoteAsync(new() { Id = dispute.Id, RequestId = "n-1", Text = $"card {Pan} again" });
        await _world.Disputes.Client.TransitionDisputeAsync(new() { Id = dispute.Id, RequestId = "t-1", ToStatus = DisputeStatus.Investigating, Reason = $"pan {Pan}" });
        await _world.Manager().ResolveDisputeAsync(new() { Id = dispute.Id, RequestId = "r-1", Outcome = DisputeOutcome.Invalid, Note = $"x {Pan}" });

        var text = await _world.Disputes.StoredTextAsync();
        Assert.DoesNotContain("4111 1111 1111 1111", text);
        Assert.DoesNotContain("4111111111111111", text);
        Assert.Contains("1111", (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).Description);
    }

    [Fact]
    public async Task Every_change_is_in_the_verified_audit_trail()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        await _world.Disputes.Client.AssignDisputeAsync(new() { Id = dispute.Id, RequestId = "a-1", Owner = "ana" });
        var auditor = _world.Disputes.ClientAs("audrey", Roles.Auditor);

        var entries = await auditor.ListAuditEntriesAsync(new() { EntityType = "dispute", EntityId = dispute.Id });
        var verification = await auditor.VerifyAuditLogAsync(new());

        Assert.Equal(["OpenDispute", "AssignDispute"], entries.Entries.Select(e => e.Operation));
        Assert.Contains("\"owner\": \"ana\"", entries.Entries[1].After);
        Assert.True(verification.Intact);
    }
}
