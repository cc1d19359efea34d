using System.Security.Cryptography;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Hosting;
using Grpc.Core;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Imports;

/// <summary>
/// Receives a bank file in chunks onto disk, hashing it as it comes, so a file of any size up to
/// the limit costs a chunk of memory, not the file. The spool file is deleted when the import
/// that reads it is disposed, or by the system if the process dies first.
/// </summary>
public sealed class BankFileSpool(RequestBodyLimits limits)
{
    private const int BufferBytes = 256 * 1024;

    /// <summary>The file the stream carries, ready to import; the caller disposes its content.</summary>
    public async Task<ReceivedBankFile> ReceiveAsync(IAsyncStreamReader<Proto.BankFileChunk> chunks, CancellationToken ct)
    {
        if (!await chunks.MoveNext(ct)) throw Invalid("request_id", "the stream carried no chunk: the first names the request and the file");
        var first = chunks.Current;
        BankFileImporter.Validate(first.RequestId, first.FileName, first.Format).ThrowIfInvalid();

        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"ar-bank-file-{Guid.NewGuid():N}.spool"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, BufferBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunk = first;
            while (true)
            {
                if (spool.Length + chunk.Content.Length > limits.BankFileStreamBytes)
                    throw new TooLargeException(
                        $"The file is larger than an upload may be: at most {limits.BankFileStreamBytes:N0} bytes; nothing was imported.");
                sha.AppendData(chunk.Content.Span);
                await spool.WriteAsync(chunk.Content.Memory, ct);
                if (!await chunks.MoveNext(ct)) break;
                chunk = chunks.Current;
            }
            if (spool.Length == 0) throw Invalid("content", "the file is empty");
            await spool.FlushAsync(ct);
            spool.Position = 0;
            return new ReceivedBankFile(first.RequestId, first.FileName, first.Format, spool, sha.GetHashAndReset());
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static RequestValidationException Invalid(string field, string reason) => new([new FieldViolation(field, reason)]);
}
