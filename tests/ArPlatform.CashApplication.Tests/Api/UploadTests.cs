using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Tests.Api;

public sealed class UploadTests : IDisposable
{
    private readonly CashApplicationHost _host = new(settings: new Dictionary<string, string> { ["RequestLimits:BankFileStreamBytes"] = "4096" });

    public void Dispose() => _host.Dispose();

    private CashApplicationService.CashApplicationServiceClient Cash => _host.ClientAs("carl", Roles.CashApplier);

    private const string Bai2 = """
        01,021000021,ARPLATFORM,261103,0800,1,80,,2/
        02,ARPLATFORM,021000021,1,261102,2359,USD,2/
        03,000123456789,USD/
        16,115,32475,0,BR-1001,CR-7,LOCKBOX ACME CORP INVOICE INV-000123/
        16,195,1250000,0,FW-77,,WIRE GLOBEX OBI:=INVOICE 2026-000991/
        49,1282475,4/
        98,1282475,1,6/
        99,1282475,1,8/
        """;

    private static async Task<BankFileImport> UploadAsync(
        CashApplicationService.CashApplicationServiceClient client, string content, int chunkBytes, string requestId = "u-1", string fileName = "lockbox.bai2")
    {
        using var call = client.UploadBankFile();
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        try
        {
            for (var at = 0; at < bytes.Length; at += chunkBytes)
            {
                var chunk = new BankFileChunk { Content = ByteString.CopyFrom(bytes, at, Math.Min(chunkBytes, bytes.Length - at)) };
                if (at == 0) (chunk.RequestId, chunk.FileName) = (requestId, fileName);
                await call.RequestStream.WriteAsync(chunk);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // Refused before the last chunk was sent (a role that may not import, a file past the limit): the answer says why.
        }
        return await call.ResponseAsync;
    }

    [Fact]
    public async Task A_file_streamed_in_chunks_imports_as_if_it_were_sent_whole()
    {
        var import = await UploadAsync(Cash, Bai2, chunkBytes: 7);

        Assert.Equal((BankFileFormat.Bai2, 2, "12824.75"), (import.Format, import.PaymentsCreated, import.Total.Amount));
        var payments = (await Cash.ListPaymentsAsync(new ListPaymentsRequest { ImportId = import.ImportId })).Payments.OrderBy(p => p.LineNumber).ToList();
        Assert.Equal(["324.75", "12500.00"], payments.Select(p => p.Amount.Amount));
        Assert.Equal(["INV-000123"], payments[0].Remittance.Select(r => r.Reference));
    }

    [Fact]
    public async Task The_same_request_id_and_file_sent_whole_replays_the_streamed_import_and_another_file_under_it_is_refused()
    {
        var streamed = await UploadAsync(Cash, Bai2, chunkBytes: 100);

        var whole = await Cash.ImportBankFileAsync(new ImportBankFileRequest { RequestId = "u-1", FileName = "lockbox.bai2", Content = ByteString.CopyFromUtf8(Bai2) });
        var other = await GrpcAssert.FailsWith(StatusCode.AlreadyExists, () => UploadAsync(Cash, Bai2.Replace("FW-77", "FW-78"), chunkBytes: 100));

        Assert.Equal(streamed.ImportId, whole.ImportId);
        Assert.Contains("already used for a different request", other.Message);
        Assert.Equal(2, await _host.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task A_file_larger_than_an_upload_may_be_is_refused_and_imports_nothing()
    {
        var large = Bai2 + new string(' ', 5000);

        var status = await GrpcAssert.FailsWith(StatusCode.ResourceExhausted, () => UploadAsync(Cash, large, chunkBytes: 1024));

        Assert.Contains("at most", status.Message);
        Assert.Equal(0, await _host.QueryAsync(db => db.Imports.CountAsync()));
    }

    [Fact]
    public async Task A_first_chunk_that_names_no_request_or_file_is_refused_with_its_fields()
    {
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => UploadAsync(Cash, Bai2, chunkBytes: 100, requestId: "", fileName: ""));

        var fields = status.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("request_id", fields);
        Assert.Contains("file_name", fields);
    }

    [Fact]
    public async Task A_malformed_streamed_file_is_refused_whole_with_its_line()
    {
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => UploadAsync(Cash, Bai2.Replace("49,1282475,4/", "49,1282476,4/"), chunkBytes: 64));

        Assert.Contains("line 6", status.GetDetail<Google.Rpc.BadRequest>().FieldViolations[0].Description);
        Assert.Equal(0, await _host.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task Only_cash_roles_upload()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(_host.ClientAs("clara", Roles.ArClerk), Bai2, chunkBytes: 100));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => db.Imports.CountAsync()));
    }
}
