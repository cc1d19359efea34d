using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Tests.Api;

public sealed class ImportTests : IDisposable
{
    private readonly CashApplicationHost _host = new();

    public void Dispose() => _host.Dispose();

    private CashApplicationService.CashApplicationServiceClient Cash => _host.ClientAs("carl", Roles.CashApplier);

    /// <summary>Two credits (one with a card number typed into the text) and a returned item.</summary>
    private const string Bai2 = """
        01,021000021,ARPLATFORM,261103,0800,1,80,,2/
        02,ARPLATFORM,021000021,1,261102,2359,USD,2/
        03,000123456789,USD/
        16,115,32475,0,BR-1001,CR-7,LOCKBOX ACME CORP INVOICE INV-000123 CARD 4111111111111111/
        16,195,1250000,0,FW-77,,WIRE GLOBEX OBI:=INVOICE 2026-000991/
        16,555,10000,Z,RT-5,,RETURNED ITEM NSF/
        49,1292475,5/
        98,1292475,1,7/
        99,1292475,1,9/
        """;

    private static ImportBankFileRequest Import(string content, string requestId = "f-1", string name = "lockbox-2026-11-03.bai2") => new()
    {
        RequestId = requestId, FileName = name, Content = ByteString.CopyFromUtf8(content),
    };

    [Fact]
    public async Task A_bank_file_becomes_one_payment_per_credit_with_its_remittance()
    {
        var import = await Cash.ImportBankFileAsync(Import(Bai2));

        Assert.Equal((BankFileFormat.Bai2, 2, 0, 1, 1), (import.Format, import.PaymentsCreated, import.DuplicatesSkipped, import.DebitsSkipped, import.ReturnedItems));
        Assert.Equal(("USD", "12824.75"), (import.Total.Currency, import.Total.Amount));
        var payments = (await Cash.ListPaymentsAsync(new ListPaymentsRequest { ImportId = import.ImportId })).Payments.OrderBy(p => p.LineNumber).ToList();
        Assert.Equal(["324.75", "12500.00"], payments.Select(p => p.Amount.Amount));
        Assert.All(payments, p => Assert.Equal((PaymentStatus.Unapplied, "2026-11-02"), (p.Status, p.BookingDate)));
        Assert.Equal(["INV-000123"], payments[0].Remittance.Select(r => r.Reference));
        Assert.Equal(4, payments[0].LineNumber);
    }

    [Fact]
    public async Task The_same_file_twice_and_the_same_transaction_in_another_file_create_nothing_new()
    {
        await Cash.ImportBankFileAsync(Import(Bai2));

        var again = await Cash.ImportBankFileAsync(Import(Bai2, "f-2"));
        // The returned item's place taken by a new credit of the same amount: the totals still tie.
        var overlapping = Bai2.Replace("16,555,10000,Z,RT-5,,RETURNED ITEM NSF/", "16,115,10000,0,BR-1002,,LOCKBOX INITECH/");
        var third = await Cash.ImportBankFileAsync(Import(overlapping, "f-3", "lockbox-2026-11-03-corrected.bai2"));

        Assert.Equal((0, 2), (again.PaymentsCreated, again.DuplicatesSkipped));
        Assert.Equal((1, 2), (third.PaymentsCreated, third.DuplicatesSkipped));
        Assert.Equal(3, await _host.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task A_malformed_file_is_refused_whole_with_its_line_and_imports_nothing()
    {
        var broken = Bai2.Replace("49,1292475,5/", "49,1292476,5/");

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Cash.ImportBankFileAsync(Import(broken)).ResponseAsync);

        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("content", violation.Field);
        Assert.Contains("line 7", violation.Description);
        Assert.Contains("nothing was imported", violation.Description);
        Assert.Equal((0, 0), (await _host.QueryAsync(db => db.Payments.CountAsync()), await _host.QueryAsync(db => db.Imports.CountAsync())));
    }

    [Fact]
    public async Task An_unrecognised_file_names_the_formats_it_could_be()
    {
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Cash.ImportBankFileAsync(Import("hello, world")).ResponseAsync);

        Assert.Contains("BAI2, camt.053/054, X12 820, NACHA, MT940", status.GetDetail<Google.Rpc.BadRequest>().FieldViolations[0].Description);
    }

    [Fact]
    public async Task The_payers_bank_account_is_shown_in_full_only_to_roles_that_need_it()
    {
        const string camt = """
            <?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><Ntfctn>
            <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-03</Dt></BookgDt><AcctSvcrRef>E-1</AcctSvcrRef>
            <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Acme</Nm></Dbtr><DbtrAcct><Id><IBAN>DE44500105175407324931</IBAN></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>
            </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
            """;
        var import = await Cash.ImportBankFileAsync(Import(camt, name: "n.xml"));
        var id = (await Cash.ListPaymentsAsync(new ListPaymentsRequest { ImportId = import.ImportId })).Payments.Single().Id;

        var clerk = await _host.ClientAs("clara", Roles.ArClerk).GetPaymentAsync(new GetPaymentRequest { Id = id });
        var applier = await Cash.GetPaymentAsync(new GetPaymentRequest { Id = id });

        Assert.Equal(("****4931", "DE44500105175407324931"), (clerk.PayerAccount, applier.PayerAccount));
    }

    [Fact]
    public async Task Only_cash_roles_import_and_a_card_number_in_the_file_is_never_stored()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() => _host.ClientAs("clara", Roles.ArClerk).ImportBankFileAsync(Import(Bai2)).ResponseAsync);
        await Cash.ImportBankFileAsync(Import(Bai2));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var stored = await _host.StoredTextAsync();
        Assert.DoesNotContain("4111111111111111", stored);
    }

    [Fact]
    public async Task The_api_md_json_body_imports_a_file()
    {
        using var http = _host.JsonClient("carl", Roles.CashApplier);

        var response = await http.PostAsJsonAsync("/v1/bank-files", new
        {
            requestId = "f-1", fileName = "lockbox-2026-11-03.bai2", content = Convert.ToBase64String(Encoding.UTF8.GetBytes(Bai2)),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("BAI2", 2, 0), (body.GetProperty("format").GetString(), body.GetProperty("paymentsCreated").GetInt32(), body.GetProperty("duplicatesSkipped").GetInt32()));
        Assert.Equal("12824.75", body.GetProperty("total").GetProperty("amount").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("importId").GetString()));
    }
}
