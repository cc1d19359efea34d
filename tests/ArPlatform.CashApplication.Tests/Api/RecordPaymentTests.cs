using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Tests.Api;

public sealed class RecordPaymentTests : IDisposable
{
    private readonly CashApplicationHost _host = new();

    public void Dispose() => _host.Dispose();

    private CashApplicationService.CashApplicationServiceClient Cash => _host.ClientAs("carl", Roles.CashApplier);

    private static RecordPaymentRequest Wire(string requestId = "p-1") => new()
    {
        RequestId = requestId,
        Payment = new Payment
        {
            Amount = new Money { Currency = "USD", Amount = "12500.00" }, PayerName = "Globex", BookingDate = "2026-11-02",
            AccountId = "000123456789", BankReference = "FW-77", PayerAccount = "026009593-4471",
            Remittance = { new RemittanceLine { Qualifier = "IV", Reference = "INV-2026-000991", PaidAmount = new Money { Currency = "USD", Amount = "12500.00" } } },
        },
    };

    [Fact]
    public async Task A_payment_recorded_by_api_is_unapplied_with_its_remittance_and_a_retry_returns_it()
    {
        var payment = await Cash.RecordPaymentAsync(Wire());
        var retry = await Cash.RecordPaymentAsync(Wire());

        Assert.Equal(payment, retry);
        Assert.Equal((PaymentStatus.Unapplied, "12500.00", "", BankFileFormat.Unspecified), (payment.Status, payment.UnappliedAmount.Amount, payment.ImportId, payment.Format));
        Assert.Equal(("INV-2026-000991", "12500.00"), (payment.Remittance[0].Reference, payment.Remittance[0].PaidAmount.Amount));
    }

    [Fact]
    public async Task A_wire_recorded_first_is_not_a_second_payment_when_the_bank_file_brings_it()
    {
        await Cash.RecordPaymentAsync(Wire());
        const string bai2 = """
            01,021000021,ARPLATFORM,261103,0800,1,80,,2/
            02,ARPLATFORM,021000021,1,261102,2359,USD,2/
            03,000123456789,USD/
            16,195,1250000,0,FW-77,,WIRE GLOBEX/
            49,1250000,3/
            98,1250000,1,5/
            99,1250000,1,7/
            """;

        var import = await Cash.ImportBankFileAsync(new ImportBankFileRequest { RequestId = "f-1", FileName = "eod.bai2", Content = ByteString.CopyFromUtf8(bai2) });

        Assert.Equal((0, 1), (import.PaymentsCreated, import.DuplicatesSkipped));
        Assert.Equal(1, await _host.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task An_invalid_payment_names_every_bad_field()
    {
        var request = new RecordPaymentRequest
        {
            Payment = new Payment
            {
                Amount = new Money { Currency = "USD", Amount = "0" }, BookingDate = "yesterday",
                Remittance = { new RemittanceLine { PaidAmount = new Money { Currency = "EUR", Amount = "1.00" } } },
            },
        };

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Cash.RecordPaymentAsync(request).ResponseAsync);

        Assert.Equal(["request_id", "payment.amount.amount", "payment.payer_name", "payment.booking_date", "payment.remittance[0].reference",
            "payment.remittance[0].paid_amount.currency"], status.FieldViolations());
    }
}
