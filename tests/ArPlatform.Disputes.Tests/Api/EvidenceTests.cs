using System.Text;
using ArPlatform.Contracts.Disputes.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes.Tests.Api;

public sealed class EvidenceTests : IDisposable
{
    private readonly DisputesWorld _world = new();

    public void Dispose() => _world.Dispose();

    private async Task<Dispute> OpenAsync() =>
        await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open((await _world.InvoiceAsync()).Id));

    private static AttachEvidenceRequest Attach(string disputeId, string type, byte[] content, string requestId = "e-1") => new()
    {
        DisputeId = disputeId, RequestId = requestId,
        Evidence = new Contracts.Disputes.V1.Evidence { Kind = EvidenceKind.ProofOfDelivery, FileName = "pod.pdf", ContentType = type, Content = ByteString.CopyFrom(content) },
    };

    [Fact]
    public async Task A_document_is_stored_with_its_hash_and_comes_back_byte_for_byte()
    {
        var dispute = await OpenAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 300_000));

        var attached = await _world.Disputes.Client.AttachEvidenceAsync(Attach(dispute.Id, "application/pdf", pdf));
        var fetched = await _world.Disputes.Client.GetEvidenceAsync(new GetEvidenceRequest { DisputeId = dispute.Id, Id = attached.Id });

        Assert.Equal((300_009L, "clara", 64), (attached.SizeBytes, attached.UploadedBy, attached.Sha256.Length));
        Assert.True(attached.Content.IsEmpty);
        Assert.Equal(pdf, fetched.Content.ToByteArray());
        var listed = Assert.Single((await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).Evidence);
        Assert.Equal((attached.Id, true), (listed.Id, listed.Content.IsEmpty));
    }

    [Fact]
    public async Task A_document_with_a_card_number_is_refused_and_nothing_is_stored()
    {
        var dispute = await OpenAsync();

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Disputes.Client.AttachEvidenceAsync(
            Attach(dispute.Id, "text/plain", "Paid by card 4111111111111111 on 2 Nov"u8.ToArray())).ResponseAsync);

        Assert.Equal(["evidence.content"], status.FieldViolations());
        Assert.Equal(0, await _world.Disputes.QueryAsync(db => db.EvidenceContents.CountAsync()));
    }

    [Fact]
    public async Task A_document_over_the_size_limit_or_of_an_unknown_type_is_refused()
    {
        var dispute = await OpenAsync();
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);

        var tooBig = await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _world.Disputes.Client.AttachEvidenceAsync(Attach(dispute.Id, "application/pdf", big)).ResponseAsync);
        var unknown = await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _world.Disputes.Client.AttachEvidenceAsync(Attach(dispute.Id, "application/zip", "PK"u8.ToArray(), "e-2")).ResponseAsync);

        Assert.Equal(["evidence.content"], tooBig.FieldViolations());
        Assert.Equal(["evidence.content_type"], unknown.FieldViolations());
    }
}
