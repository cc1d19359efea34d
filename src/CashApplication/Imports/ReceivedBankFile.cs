using Google.Protobuf;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Imports;

/// <summary>
/// A bank file as received, sent whole or streamed: its bytes as a seekable stream (the request's
/// own buffer, or a spool file on disk) and its SHA-256.
/// </summary>
public sealed record ReceivedBankFile(string RequestId, string FileName, Proto.BankFileFormat Format, Stream Content, byte[] Sha256)
{
    /// <summary>
    /// What makes two imports the same command: the request with the file reduced to its digest.
    /// A repeat compares 32 bytes instead of the file, and a file streamed in and the same file
    /// sent whole, under one request id, are one import.
    /// </summary>
    public IMessage Identity => new Proto.ImportBankFileRequest
    {
        RequestId = RequestId, FileName = FileName, Format = Format, Content = ByteString.CopyFrom(Sha256),
    };
}
