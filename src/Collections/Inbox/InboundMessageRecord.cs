using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// A received mail and what the agent made of it, kept as answered on the wire (<see cref="Wire"/>)
/// with the columns lists filter by. One row per Message-ID: the same mail twice is one mail.
/// </summary>
public sealed class InboundMessageRecord
{
    public required string Id { get; init; }
    public required string MessageId { get; init; }
    public required string ThreadId { get; init; }
    public string CustomerId { get; init; } = "";
    public required string From { get; init; }
    public string NormalizedSubject { get; init; } = "";
    public Proto.MessageIntent Intent { get; init; }
    public Proto.MessageDisposition Disposition { get; init; }
    /// <summary>Comma-separated, for the metrics' escalations by reason.</summary>
    public string EscalationReasons { get; init; } = "";
    public string DraftId { get; init; } = "";
    public DateTime ReceivedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>The <see cref="Proto.InboundMessage"/> as first answered.</summary>
    public required byte[] Wire { get; init; }

    public Proto.InboundMessage ToProto() => Proto.InboundMessage.Parser.ParseFrom(Wire);
}
