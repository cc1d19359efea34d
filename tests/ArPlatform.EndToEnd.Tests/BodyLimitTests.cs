using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>
/// The README's body limits, through the gateway: 1 MiB for a request, 128 MiB for a bank-file
/// import. Whatever is refused is answered with a status a caller can read, never a reset.
/// </summary>
[Collection(SharedStack.Name)]
public sealed class BodyLimitTests(StackFixture fixture)
{
    private const int MiB = 1024 * 1024;
    private AppHostProcess Stack => fixture.Stack;

    private static string CustomerNamed(int nameLength) =>
        $$"""{ "requestId": "e2e-size-{{nameLength}}", "customer": { "name": "{{new string('x', nameLength)}}", "currency": "USD" } }""";

    private static async Task AssertRefusedAsJsonAsync(HttpResponseMessage response, string limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.ResourceExhausted, error.GetProperty("code").GetInt32());
        Assert.Contains($"at most {limit}", error.GetProperty("message").GetString());
    }

    [StackFact]
    public async Task A_json_body_over_1_MiB_is_refused_with_413_and_says_the_limit()
    {
        using var http = Stack.JsonClient(Roles.ArClerk);

        var response = await http.PostAsync("/v1/customers", new StringContent(CustomerNamed(MiB), Encoding.UTF8, "application/json"));

        await AssertRefusedAsJsonAsync(response, "1 MiB");
    }

    [StackFact]
    public async Task A_json_body_over_1_MiB_sent_without_its_length_is_refused_the_same_way()
    {
        using var http = Stack.JsonClient(Roles.ArClerk);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(CustomerNamed(2 * MiB))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await AssertRefusedAsJsonAsync(await http.SendAsync(request), "1 MiB");
    }

    [StackFact]
    public async Task A_json_body_just_under_1_MiB_reaches_the_service()
    {
        using var http = Stack.JsonClient(Roles.ArClerk);

        var response = await http.PostAsync("/v1/customers", new StringContent(CustomerNamed(MiB - 200), Encoding.UTF8, "application/json"));

        // Refused by the service's own validation, which only a body that got through can be.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("customer.name", await response.Content.ReadAsStringAsync());
    }

    [StackFact]
    public async Task A_grpc_message_over_1_MiB_is_refused_with_resource_exhausted()
    {
        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var billing = new BillingService.BillingServiceClient(channel.WithBearer(Stack.Token(Roles.ArClerk)));
        var request = new CreateCustomerRequest { RequestId = "e2e-size-grpc", Customer = new Customer { Name = new string('x', 2 * MiB), Currency = "USD" } };

        var refused = await Assert.ThrowsAsync<RpcException>(() => billing.CreateCustomerAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("at most 1 MiB", refused.Status.Detail);
    }

    [StackFact]
    public async Task A_bank_file_as_json_over_128_MiB_is_refused_with_413()
    {
        using var http = Stack.JsonClient(Roles.CashApplier);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/bank-files") { Content = new ByteArrayContent(new byte[128 * MiB + 1]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // As curl sends a large body: the refusal comes before the body is sent.
        request.Headers.ExpectContinue = true;

        await AssertRefusedAsJsonAsync(await http.SendAsync(request), "128 MiB");
    }

    [StackFact]
    public async Task A_bank_file_over_128_MiB_by_grpc_is_refused_with_resource_exhausted_and_a_40_MiB_one_is_read()
    {
        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc, new GrpcChannelOptions { MaxSendMessageSize = null });
        var cash = new CashApplicationService.CashApplicationServiceClient(channel.WithBearer(Stack.Token(Roles.CashApplier)));

        // 40 MiB used to reset the stream; now it is read, and refused for what it holds.
        var notABankFile = await Assert.ThrowsAsync<RpcException>(() => cash.ImportBankFileAsync(new ImportBankFileRequest
        {
            RequestId = "e2e-40-grpc", FileName = "big.bai2", Content = ByteString.CopyFrom(new byte[40 * MiB]),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, notABankFile.StatusCode);

        var refused = await Assert.ThrowsAsync<RpcException>(() => cash.ImportBankFileAsync(new ImportBankFileRequest
        {
            RequestId = "e2e-huge-grpc", FileName = "huge.bai2", Content = ByteString.CopyFrom(new byte[128 * MiB]),
        }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [StackFact]
    public async Task A_bank_file_larger_than_one_message_streams_through_the_gateway_in_chunks_and_a_chunk_over_1_MiB_is_refused()
    {
        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc, new GrpcChannelOptions { MaxSendMessageSize = null });
        var cash = new CashApplicationService.CashApplicationServiceClient(channel.WithBearer(Stack.Token(Roles.CashApplier)));

        // 160 MiB, more than any one message may be: read to the end, and refused for what it holds.
        var notABankFile = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(cash, "e2e-stream-160", chunks: 160, chunkBytes: MiB));
        Assert.Equal(StatusCode.InvalidArgument, notABankFile.StatusCode);
        Assert.Contains("was not recognised", notABankFile.Status.Detail);

        var oversized = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(cash, "e2e-stream-chunk", chunks: 1, chunkBytes: 2 * MiB));
        Assert.Equal(StatusCode.ResourceExhausted, oversized.StatusCode);
    }

    private static async Task<BankFileImport> UploadAsync(CashApplicationService.CashApplicationServiceClient cash, string requestId, int chunks, int chunkBytes)
    {
        using var call = cash.UploadBankFile();
        var zeros = ByteString.CopyFrom(new byte[chunkBytes]);
        try
        {
            for (var i = 0; i < chunks; i++)
                await call.RequestStream.WriteAsync(i == 0 ? new BankFileChunk { RequestId = requestId, FileName = "big.bai2", Content = zeros } : new BankFileChunk { Content = zeros });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // Refused before the last chunk was sent: the answer says why.
        }
        return await call.ResponseAsync;
    }
}
