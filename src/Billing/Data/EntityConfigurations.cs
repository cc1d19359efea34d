using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArPlatform.Billing.Data;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasMaxLength(26);
        e.HasIndex(c => c.CustomerNumber).IsUnique();
        e.Property(c => c.CustomerNumber).HasMaxLength(20);
        e.Property(c => c.Currency).HasMaxLength(3);
        e.Property(c => c.Region).HasMaxLength(16);
        e.Property(c => c.LegalName).HasMaxLength(200);
        e.Property(c => c.TaxId).HasMaxLength(50);
        e.Property(c => c.Segment).HasMaxLength(32);
        e.Property(c => c.Collector).HasMaxLength(100);
        e.Property(c => c.ParentCustomerId).HasMaxLength(26);
        // Portfolios are listed by collector and segment, hierarchies by parent.
        e.HasIndex(c => new { c.Collector, c.Id });
        e.HasIndex(c => new { c.Segment, c.Id });
        // The parent is checked by the service (it must exist and close no cycle); a foreign key
        // would make SQLite rebuild the customers table, outside any transaction.
        e.HasIndex(c => c.ParentCustomerId);
        e.Property(c => c.BalanceVersion).IsConcurrencyToken();
        e.Property(c => c.MasterVersion).IsConcurrencyToken();
        e.Ignore(c => c.Terms);
        e.OwnsMany(c => c.Contacts, contact => contact.ToJson());
        e.OwnsOne(c => c.BillingAddress, address => address.ToJson());
        e.OwnsOne(c => c.ShippingAddress, address => address.ToJson());
        e.OwnsOne(c => c.LateCharges, late => late.ToJson());
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> e)
    {
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).HasMaxLength(26);
        e.Property(i => i.CustomerId).HasMaxLength(26);
        e.Property(i => i.Number).HasMaxLength(32);
        e.Property(i => i.Currency).HasMaxLength(3);
        e.Property(i => i.PoNumber).HasMaxLength(64);
        e.Property(i => i.SalesRep).HasMaxLength(100);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => i.Number).IsUnique();
        // Lists filter by customer and status and page by id; the open-invoice stream pages by
        // status and id.
        e.HasIndex(i => new { i.CustomerId, i.Status, i.Id });
        e.HasIndex(i => new { i.Status, i.Id });
        // Aging reads every open invoice: this index holds all it needs, so a million open invoices
        // are one index range read, without a jump to the table row for each.
        e.HasIndex(i => new { i.Status, i.DueDate, i.CustomerId, i.Currency, i.OpenAmount, i.DisputedAmount, i.SalesRep })
            .HasDatabaseName("IX_Invoices_Aging");
        e.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.OwnsMany(i => i.Lines, line =>
        {
            line.ToTable("InvoiceLines");
            line.WithOwner().HasForeignKey("InvoiceId");
            line.HasKey("InvoiceId", nameof(InvoiceLine.LineNumber));
            // Numbered by the invoice (1, 2, …), never by the database.
            line.Property(l => l.LineNumber).ValueGeneratedNever();
            line.Property(l => l.Description).HasMaxLength(500);
            line.Property(l => l.ProductCode).HasMaxLength(64);
        });
        e.Navigation(i => i.Lines).AutoInclude();
        e.OwnsMany(i => i.DisputeFlags, flag =>
        {
            flag.ToTable("InvoiceDisputeFlags");
            flag.WithOwner().HasForeignKey("InvoiceId");
            flag.HasKey("InvoiceId", nameof(InvoiceDisputeFlag.DisputeId));
            flag.Property(f => f.DisputeId).HasMaxLength(26);
        });
        e.Navigation(i => i.DisputeFlags).AutoInclude();
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasKey(l => l.Id);
        e.Property(l => l.Id).ValueGeneratedOnAdd();
        e.Property(l => l.CustomerId).HasMaxLength(26);
        e.Property(l => l.InvoiceId).HasMaxLength(26);
        e.Property(l => l.Currency).HasMaxLength(3);
        e.Property(l => l.Reference).HasMaxLength(100);
        e.HasIndex(l => new { l.CustomerId, l.Currency });
        e.HasIndex(l => l.InvoiceId);
        e.HasIndex(l => l.EffectiveDate);
        e.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Invoice>().WithMany().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentApplicationConfiguration : IEntityTypeConfiguration<PaymentApplication>
{
    public void Configure(EntityTypeBuilder<PaymentApplication> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).HasMaxLength(26);
        e.Property(p => p.PaymentReference).HasMaxLength(100);
        e.Property(p => p.Currency).HasMaxLength(3);
        e.HasIndex(p => p.PaymentReference);
        e.OwnsMany(p => p.Allocations, allocation =>
        {
            allocation.ToTable("PaymentAllocations");
            allocation.WithOwner().HasForeignKey("PaymentApplicationId");
            allocation.HasKey("PaymentApplicationId", nameof(PaymentAllocation.LineNumber));
            allocation.Property(a => a.LineNumber).ValueGeneratedNever();
            allocation.Property(a => a.InvoiceId).HasMaxLength(26);
            allocation.HasIndex(a => a.InvoiceId);
        });
        e.Navigation(p => p.Allocations).AutoInclude();
    }
}

internal sealed class CreditMemoConfiguration : IEntityTypeConfiguration<Credits.CreditMemo>
{
    public void Configure(EntityTypeBuilder<Credits.CreditMemo> e)
    {
        e.ToTable("CreditMemos");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasMaxLength(26);
        e.Property(m => m.Number).HasMaxLength(32);
        e.HasIndex(m => m.Number).IsUnique();
        e.Property(m => m.InvoiceId).HasMaxLength(26);
        e.Property(m => m.DisputeId).HasMaxLength(26);
        e.Property(m => m.CustomerId).HasMaxLength(26);
        e.Property(m => m.Currency).HasMaxLength(3);
        e.Property(m => m.DecisionNote).HasMaxLength(500);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasIndex(m => new { m.Status, m.CreatedAt });
        e.HasIndex(m => m.InvoiceId);
        e.HasIndex(m => new { m.DisputeId, m.Status });
        // Where a credit on account went is read and written whole with its memo.
        e.OwnsMany(m => m.Applications, application => application.ToJson());
    }
}

internal sealed class WriteOffConfiguration : IEntityTypeConfiguration<WriteOffs.WriteOff>
{
    public void Configure(EntityTypeBuilder<WriteOffs.WriteOff> e)
    {
        e.HasKey(w => w.Id);
        e.Property(w => w.Id).HasMaxLength(26);
        e.Property(w => w.InvoiceId).HasMaxLength(26);
        e.Property(w => w.CustomerId).HasMaxLength(26);
        e.Property(w => w.Reference).HasMaxLength(64);
        e.HasIndex(w => w.Reference).IsUnique();
        e.Property(w => w.Currency).HasMaxLength(3);
        e.Property(w => w.Reason).HasMaxLength(200);
        e.Property(w => w.RequestedBy).HasMaxLength(100);
        e.Property(w => w.ApprovedBy).HasMaxLength(100);
        e.HasIndex(w => w.InvoiceId);
    }
}

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<Gl.ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<Gl.ClosedPeriod> e)
    {
        e.HasKey(p => p.Period);
        e.Property(p => p.Period).HasMaxLength(7);
        e.Property(p => p.ClosedBy).HasMaxLength(100);
    }
}

internal sealed class FxRateConfiguration : IEntityTypeConfiguration<Fx.FxRate>
{
    public void Configure(EntityTypeBuilder<Fx.FxRate> e)
    {
        e.HasKey(r => new { r.BaseCurrency, r.QuoteCurrency, r.Date });
        e.Property(r => r.BaseCurrency).HasMaxLength(3);
        e.Property(r => r.QuoteCurrency).HasMaxLength(3);
        e.Property(r => r.Rate).HasPrecision(28, 10);
    }
}

internal sealed class LateChargeMarkConfiguration : IEntityTypeConfiguration<LateCharges.LateChargeMark>
{
    public void Configure(EntityTypeBuilder<LateCharges.LateChargeMark> e)
    {
        e.HasKey(m => m.InvoiceId);
        e.Property(m => m.InvoiceId).HasMaxLength(26);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscriptions.Subscription>
{
    public void Configure(EntityTypeBuilder<Subscriptions.Subscription> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasMaxLength(26);
        e.Property(s => s.CustomerId).HasMaxLength(26);
        e.Property(s => s.Currency).HasMaxLength(3);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.Ignore(s => s.NextToBill);
        // The plan history is read and written whole with its subscription.
        e.OwnsMany(s => s.Plans, plan => plan.ToJson());
        // A run looks for what is due to bill.
        e.HasIndex(s => s.BilledThrough);
        e.HasOne<Customers.Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
