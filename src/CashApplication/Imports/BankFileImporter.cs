using System.Security.Cryptography;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Imports;

/// <summary>
/// Imports a bank file in one transaction: the file is streamed through its parser, credits are
/// written as payments in batches (each batch checked against the payments already there in one
/// query), and a file the parser refuses — wherever the fault — rolls everything back.
/// </summary>
public sealed class BankFileImporter(CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands,
    AutoMatcher matcher, PaymentQueries queries, CashApplicationMetrics metrics, CallerContext caller, TimeProvider clock,
    LargeImports memory)
{
    private const int Batch = 1000;

    /// <summary>Imports a file sent whole, then applies what the matching engine is sure of; returns the import with both counts.</summary>
    public async Task<Proto.BankFileImport> ImportAsync(Proto.ImportBankFileRequest request, CancellationToken ct)
    {
        var v = Validate(request.RequestId, request.FileName, request.Format);
        if (request.Content.IsEmpty) v.Add("content", "the file is empty");
        v.ThrowIfInvalid();
        using var content = ReadOnlyStream(request.Content.Memory);
        return await ImportAsync(new ReceivedBankFile(request.RequestId, request.FileName, request.Format, content,
            SHA256.HashData(request.Content.Span)), ct);
    }

    /// <summary>Imports a received file, then applies what the matching engine is sure of; returns the import with both counts.</summary>
    public async Task<Proto.BankFileImport> ImportAsync(ReceivedBankFile file, CancellationToken ct)
    {
        using var large = memory.Track(file.Content.Length);
        var storing = System.Diagnostics.Stopwatch.StartNew();
        var imported = await StoreAsync(file, ct);
        metrics.Stage("store", storing.Elapsed);
        await MatchAsync(imported.ImportId, ct);
        return await queries.GetImportAsync(imported.ImportId, ct);
    }

    /// <summary>What an import is named by, checked before any of its file is read.</summary>
    public static Validator Validate(string requestId, string fileName, Proto.BankFileFormat format)
    {
        var v = new Validator();
        v.RequestId(requestId).Require("file_name", fileName).MaxLength("file_name", fileName, 255);
        if (!Enum.IsDefined(format)) v.Add("format", "is not a bank file format");
        return v;
    }

    /// <summary>
    /// Matches an import's payments once (a retry replays the first run) and records the count on
    /// the import; an import a crash or an outage of Billing left unmatched is picked up by the
    /// dispatch worker.
    /// </summary>
    public async Task MatchAsync(string importId, CancellationToken ct)
    {
        if (await matcher.TryMatchAsync($"import:{importId}", p => p.ImportId == importId, ct) is not { } applied) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Imports.Where(i => i.Id == importId && i.MatchedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AutoApplied, applied).SetProperty(i => i.MatchedAt, now), ct);
    }

    private Task<Proto.BankFileImport> StoreAsync(ReceivedBankFile file, CancellationToken ct) =>
        commands.ExecuteAsync("ImportBankFile", file.RequestId, file.Identity, async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var given = file.Format == Proto.BankFileFormat.Unspecified ? (BankFileFormat?)null : (BankFileFormat)(int)file.Format;
            var import = new BankFileImportRecord
            {
                Id = Ulid.NewUlid().ToString(),
                FileName = CardNumbers.Mask(file.FileName.Trim()),
                Sha256 = Convert.ToHexStringLower(file.Sha256),
                SizeBytes = file.Content.Length,
                ImportedBy = caller.Actor,
                ImportedAt = now,
            };
            try
            {
                file.Content.Position = 0;
                var (format, transactions) = BankFileReader.Read(file.Content, given);
                import.Format = format;
                var pending = new List<Payment>(Batch);
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var transaction in transactions)
                {
                    if (transaction.Direction == Direction.Debit)
                    {
                        import.DebitsSkipped++;
                        if (transaction.IsReturn) import.ReturnedItems++;
                        continue;
                    }
                    pending.Add(PaymentFactory.FromBankTransaction(transaction, import.Id, PaymentFactory.Key(transaction, seen), now));
                    if (pending.Count == Batch) await SaveNewAsync(pending, import, token);
                }
                await SaveNewAsync(pending, import, token);
                metrics.PaymentsImported.Add(import.PaymentsCreated);
                db.Imports.Add(import);
                var result = import.ToProto();
                commands.Audit("bank-file-import", import.Id, null, result);
                return result;
            }
            catch (BankFileFormatException e)
            {
                throw new RequestValidationException([new FieldViolation("content", $"{file.FileName}: {e.Message}; nothing was imported")]);
            }
        }, ct);

    /// <summary>The received file as a stream over the request's own bytes: a file of 100 MB is not copied again.</summary>
    private static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>Writes the batch's new payments; those already known (same key) are counted as duplicates.</summary>
    private async Task SaveNewAsync(List<Payment> batch, BankFileImportRecord import, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var keys = batch.Select(p => p.UniqueKey).ToList();
        var known = (await db.Payments.AsNoTracking().Where(p => keys.Contains(p.UniqueKey)).Select(p => p.UniqueKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = batch.Where(p => !known.Contains(p.UniqueKey)).ToList();
        import.DuplicatesSkipped += batch.Count - fresh.Count;
        foreach (var payment in fresh) import.Count(payment.Currency, payment.Amount);
        // Written in bulk in the command's transaction, never tracked: a large file never sits in the change tracker.
        await db.InsertAllAsync(fresh, ct);
        batch.Clear();
    }
}
