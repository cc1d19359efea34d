namespace ArPlatform.Collections.Inbox;

/// <summary>
/// An e-mail as the agent reads it: who sent it, how it threads, the new text a person wrote
/// (quotes and signature gone) and the names of its attachments.
/// </summary>
public sealed record ReadMail(
    string From, string To, string Subject, string MessageId, string InReplyTo, IReadOnlyList<string> References,
    DateTime ReceivedAt, string FullText, string Text, IReadOnlyList<string> AttachmentNames, bool AutoSubmitted);
