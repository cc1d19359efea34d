using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>The service holds JSON bodies to 1 MiB itself, not only behind the gateway.</summary>
public sealed class BodyLimitTests
{
    private static string CustomerNamed(int nameLength) =>
        $$"""{ "requestId": "size-{{nameLength}}", "customer": { "name": "{{new string('x', nameLength)}}", "currency": "USD" } }""";

    [Fact]
    public async Task A_json_body_over_1_MiB_is_refused_with_413_and_resource_exhausted()
    {
        using var host = new BillingHost(redis: null);
        using var http = host.JsonClient(Roles.ArClerk);

        var response = await http.PostAsync("/v1/customers", new StringContent(CustomerNamed(1024 * 1024), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.ResourceExhausted, error.GetProperty("code").GetInt32());
        Assert.Contains("at most 1 MiB", error.GetProperty("message").GetString());
        Assert.Empty((await host.Client.ListCustomersAsync(new ListCustomersRequest())).Customers);
    }
}
