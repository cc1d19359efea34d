using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Payments;

/// <summary>Reading payments and imports.</summary>
public sealed class PaymentQueries(CashApplicationDbContext db, PaymentViews views)
{
    /// <summary>The customer a payment is applied for; null when there is no such payment or it is not identified.</summary>
    public Task<string?> CustomerOfAsync(string id, CancellationToken ct) =>
        db.Payments.AsNoTracking().Where(p => p.Id == id).Select(p => p.CustomerId).FirstOrDefaultAsync(ct);

    public async Task<Proto.Payment> GetAsync(string id, CancellationToken ct) =>
        await views.PaymentAsync(await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("payment", id), ct);

    public async Task<Proto.ListPaymentsResponse> ListAsync(Proto.ListPaymentsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        if (!Enum.IsDefined(request.Status)) v.Add("status", "is not a payment status");
        v.ThrowIfInvalid();
        var query = db.Payments.AsNoTracking();
        if (request.Status != Proto.PaymentStatus.Unspecified)
        {
            var status = (PaymentStatus)(int)request.Status;
            query = query.Where(p => p.Status == status);
        }
        if (request.ImportId.Length > 0) query = query.Where(p => p.ImportId == request.ImportId);
        if (request.PayerName.Length > 0) query = query.Where(p => p.PayerName == request.PayerName);
        if (request.CustomerId.Length > 0) query = query.Where(p => p.CustomerId == request.CustomerId);
        var (items, next) = await query.ToPageAsync(page, p => p.Id, ct);
        return new Proto.ListPaymentsResponse { Payments = { await views.PaymentsAsync(items, ct) }, NextPageToken = next };
    }

    public async Task<Proto.BankFileImport> GetImportAsync(string id, CancellationToken ct) =>
        (await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("bank file import", id)).ToProto();

    public async Task<Proto.ListBankFileImportsResponse> ListImportsAsync(Proto.ListBankFileImportsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        var (items, next) = await db.Imports.AsNoTracking().ToPageAsync(page, i => i.Id, ct);
        return new Proto.ListBankFileImportsResponse { Imports = { items.Select(i => i.ToProto()) }, NextPageToken = next };
    }
}
