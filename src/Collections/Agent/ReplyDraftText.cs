using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>A document a reply carries, by kind: the statement, one invoice's copy, or a configured file (<paramref name="FilePath"/>: the tax form).</summary>
public sealed record PlannedAttachment(string FileName, InvoiceFact? Invoice, string? FilePath = null);

/// <summary>A reply as the drafter wrote it, with the records it used and what it proposes.</summary>
public sealed record ReplyDraftText(
    string Subject, string Body, IReadOnlyList<Proto.Citation> Citations, IReadOnlyList<PlannedAttachment> Attachments,
    IReadOnlyList<Proto.ProposedAction> ProposedActions);
