using System.Globalization;
using System.Text;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using CashPayment = ArPlatform.Contracts.CashApplication.V1.Payment;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.CashApplication.Tests.Applications;

/// <summary>
/// Billing, Disputes and CashApplication in memory, wired as in production (service discovery,
/// service identity), with helpers to bill a customer and to pay by bank file or by API.
/// </summary>
public sealed class CashWorld : IDisposable
{
    public CashWorld(IReadOnlyDictionary<string, string>? cashSettings = null, Action<IServiceCollection>? cashServices = null)
    {
        Billing = new BillingHost(redis: null);
        Disputes = new DisputesHost(Billing, settings: new Dictionary<string, string> { ["Disputes:Outbox:PollSeconds"] = "0" });
        CashSettings = cashSettings;
        Cash = new CashApplicationHost(Billing, Disputes, Path.Combine(_folder.FullName, "cashappdb.db"), cashSettings, cashServices);
    }

    /// <summary>CashApplication's SQLite file lives here, so that it outlives a killed host.</summary>
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cash-world-");

    public BillingHost Billing { get; }
    public DisputesHost Disputes { get; }
    public CashApplicationHost Cash { get; private set; }
    public IReadOnlyDictionary<string, string>? CashSettings { get; }

    /// <summary>
    /// Kills CashApplication (its host disposed mid-way, whatever was in flight) and starts it
    /// again on the same SQLite file, as a restarted process would.
    /// </summary>
    public CashApplicationHost Restart(IReadOnlyDictionary<string, string>? settings = null)
    {
        Cash.Dispose();
        Cash = new CashApplicationHost(Billing, Disputes, Path.Combine(_folder.FullName, "cashappdb.db"), settings ?? CashSettings);
        return Cash;
    }

    /// <summary>Carl, a cash applier.</summary>
    public CashApplicationService.CashApplicationServiceClient Carl => Cash.ClientAs("carl", Roles.CashApplier);

    /// <summary>Cora, another cash applier (the checker of Carl's work).</summary>
    public CashApplicationService.CashApplicationServiceClient Cora => Cash.ClientAs("cora", Roles.CashApplier);

    public async Task<Customer> CustomerAsync(string name, string requestId)
    {
        var request = Requests.Customer(requestId);
        request.Customer.Name = name;
        return await Billing.Client.CreateCustomerAsync(request);
    }

    /// <summary>An issued invoice of <paramref name="unitPrice"/> plus 8.25 % tax (100.00 → 108.25).</summary>
    public Task<Proto.Invoice> InvoiceAsync(string customerId, string requestId, string unitPrice = "100.00", string poNumber = "") =>
        Billing.Client.CreateInvoiceAsync(WithPo(Requests.Invoice(customerId, requestId, quantity: "1", unitPrice: unitPrice), poNumber)).ResponseAsync;

    public async Task<Proto.Invoice> InvoiceNowAsync(string id) =>
        await Billing.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = id });

    public Task<CashPayment> RecordAsync(string requestId, string amount, string payer, string payerAccount = "", params string[] references) =>
        RecordOnAsync("2026-11-20", requestId, amount, payer, payerAccount, references);

    public Task<CashPayment> RecordOnAsync(string bookingDate, string requestId, string amount, string payer, string payerAccount = "", params string[] references) =>
        Carl.RecordPaymentAsync(new RecordPaymentRequest
        {
            RequestId = requestId,
            Payment = new CashPayment
            {
                Amount = Requests.Usd(amount), PayerName = payer, PayerAccount = payerAccount, BookingDate = bookingDate,
                BankReference = $"BANK-{requestId}",
                Remittance = { references.Select(r => new RemittanceLine { Reference = r }) },
            },
        }).ResponseAsync;

    public Task<BankFileImport> ImportAsync(string requestId, string content, string fileName = "remit.820") =>
        Carl.ImportBankFileAsync(new ImportBankFileRequest
        {
            RequestId = requestId, FileName = fileName, Content = ByteString.CopyFromUtf8(content),
        }).ResponseAsync;

    public async Task<CashPayment> OnlyPaymentOfAsync(BankFileImport import) =>
        (await Carl.ListPaymentsAsync(new ListPaymentsRequest { ImportId = import.ImportId })).Payments.Single();

    public async Task<IReadOnlyList<string>> LedgerKindsAsync(string invoiceId) =>
        (await Billing.Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { InvoiceId = invoiceId }))
        .Entries.Select(e => $"{e.Kind} {e.Amount.Amount}").ToList();

    /// <summary>
    /// An X12 820 of one payment, its envelope counted right: each line an RMR (invoice, paid,
    /// invoice amount) with an ADX when it carries an adjustment code.
    /// </summary>
    public static string Edi820(string trace, decimal amount, string payer, params (string Invoice, decimal Paid, decimal Billed, string Adjustment)[] lines)
    {
        static string A(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
        var body = new List<string>
        {
            "ST*820*0001",
            $"BPR*C*{A(amount)}*C*ACH*CTX*01*021000021*DA*123456789*1234567890**01*026009593*DA*987654321*20261120",
            $"TRN*1*{trace}*1234567890",
            $"N1*PR*{payer}",
            "N1*PE*ARPLATFORM INC",
            "ENT*1",
        };
        foreach (var (invoice, paid, billed, adjustment) in lines)
        {
            body.Add($"RMR*IV*{invoice}**{A(paid)}*{A(billed)}");
            if (adjustment.Length > 0) body.Add($"ADX*{A(paid - billed)}*{adjustment}*IV*{invoice}");
        }
        body.Add($"SE*{body.Count + 1}*0001");
        var text = new StringBuilder()
            .Append("ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*ARPLATFORM     *261120*0800*U*00401*000000042*0*P*>~")
            .Append("GS*RA*ACMEPAYER*ARPLATFORM*20261120*0800*42*X*004010~");
        foreach (var segment in body) text.Append(segment).Append('~');
        return text.Append("GE*1*42~IEA*1*000000042~").ToString();
    }

    private static CreateInvoiceRequest WithPo(CreateInvoiceRequest request, string poNumber)
    {
        request.Invoice.PoNumber = poNumber;
        return request;
    }

    public void Dispose()
    {
        Cash.Dispose();
        Disputes.Dispose();
        Billing.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}
