using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ArPlatform.ServiceDefaults.Audit;

/// <summary>
/// One state change, as an auditor needs it: who, when, what, before and after, and the
/// correlation id of the request. Entries form a hash chain per service: each hash covers the
/// entry and the previous entry's hash, so changing, removing or reordering any row breaks
/// every hash after it.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3 … without gaps: the chain's order.</summary>
    public long Sequence { get; init; }
    public DateTime At { get; init; }
    public required string Actor { get; init; }
    public required string Operation { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// <summary>JSON of the entity before the change; empty when it was created.</summary>
    public string Before { get; init; } = "";
    /// <summary>JSON of the entity after the change.</summary>
    public string After { get; init; } = "";
    public string CorrelationId { get; init; } = "";
    public required string PreviousHash { get; init; }
    public string Hash { get; set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        var text = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture), At.Ticks.ToString(CultureInfo.InvariantCulture),
            Actor, Operation, EntityType, EntityId, Before, After, CorrelationId, PreviousHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>What a chain check found.</summary>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string Reason);

/// <summary>Checks a chain entry by entry, in sequence order, so a chain of any length streams through.</summary>
public sealed class AuditChainCursor
{
    private long _expectedSequence = 1;
    private string _previousHash = AuditEntry.GenesisHash;

    public long EntriesChecked { get; private set; }

    public AuditVerification Intact => new(true, EntriesChecked, null, "intact");

    /// <summary>Null while the chain holds; otherwise what broke it at this entry.</summary>
    public AuditVerification? Next(AuditEntry entry)
    {
        if (entry.Sequence != _expectedSequence)
            return Broken(_expectedSequence, $"entry {_expectedSequence} is missing");
        if (entry.PreviousHash != _previousHash)
            return Broken(entry.Sequence, "it does not follow from the entry before it");
        if (entry.ComputeHash() != entry.Hash)
            return Broken(entry.Sequence, "its content does not match its hash");
        _previousHash = entry.Hash;
        _expectedSequence++;
        EntriesChecked++;
        return null;
    }

    private AuditVerification Broken(long sequence, string reason) => new(false, EntriesChecked, sequence, reason);
}

public static class AuditChain
{
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var cursor = new AuditChainCursor();
        foreach (var entry in entriesInOrder)
            if (cursor.Next(entry) is { } broken) return broken;
        return cursor.Intact;
    }
}
