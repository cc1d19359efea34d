using ArPlatform.ServiceDefaults.Audit;

namespace ArPlatform.ServiceDefaults.Tests;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= length; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i, At = new DateTime(2026, 11, 30, 12, 0, i, DateTimeKind.Utc), Actor = "ana",
                Operation = "IssueInvoice", EntityType = "invoice", EntityId = $"inv-{i}",
                Before = "{\"status\":\"DRAFT\"}", After = "{\"status\":\"ISSUED\"}", PreviousHash = previous,
            };
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    private static AuditEntry With(AuditEntry e, string after) => new()
    {
        Sequence = e.Sequence, At = e.At, Actor = e.Actor, Operation = e.Operation, EntityType = e.EntityType,
        EntityId = e.EntityId, Before = e.Before, After = after, CorrelationId = e.CorrelationId,
        PreviousHash = e.PreviousHash, Hash = e.Hash,
    };

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var result = AuditChain.Verify(Chain(5));
        Assert.True(result.Intact);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public void A_changed_entry_is_found()
    {
        var chain = Chain(5);
        chain[2] = With(chain[2], "{\"status\":\"VOID\"}");
        var result = AuditChain.Verify(chain);
        Assert.Equal((false, 3L), (result.Intact, result.FirstBrokenSequence!.Value));
    }

    [Fact]
    public void A_removed_entry_is_found()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(2, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void A_rehashed_forgery_still_breaks_the_link_to_the_next_entry()
    {
        var chain = Chain(4);
        var forged = With(chain[1], "{\"status\":\"VOID\"}");
        forged.Hash = forged.ComputeHash();
        chain[1] = forged;
        Assert.Equal(3, AuditChain.Verify(chain).FirstBrokenSequence);
    }

    [Fact]
    public void An_empty_log_is_intact() => Assert.True(AuditChain.Verify([]).Intact);
}
