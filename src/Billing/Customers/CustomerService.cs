using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Customers;

/// <summary>The customer master: create once per request id, read, list in stable pages.</summary>
public sealed class CustomerService(BillingDbContext db, CommandExecutor<BillingDbContext> commands, Portfolio portfolio, TimeProvider clock)
{
    public Task<Proto.Customer> CreateAsync(Proto.CreateCustomerRequest request, CancellationToken ct)
    {
        var input = CustomerRequests.Parse(request);
        return commands.ExecuteAsync("CreateCustomer", request.RequestId, request, async token =>
        {
            var number = await commands.NextNumberAsync("customer", token);
            var id = Ulid.NewUlid().ToString();
            await CheckParentAsync(id, input.Profile.ParentCustomerId, token);
            var customer = new Customer
            {
                Id = id,
                CustomerNumber = $"C-{number:D6}",
                Name = input.Name,
                Currency = input.Currency.Code,
                Region = input.Region,
                NetDays = input.Terms.NetDays,
                DiscountPercent = input.Terms.DiscountPercent,
                DiscountDays = input.Terms.DiscountDays,
                CreditLimit = input.CreditLimit?.Amount,
                Contacts = input.Contacts.ToList(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Apply(customer, input.Profile);
            db.Customers.Add(customer);
            var created = customer.ToProto();
            commands.Audit("customer", customer.Id, null, created);
            return created;
        }, ct);
    }

    /// <summary>Fields an update may name; the currency stays what the customer was created with.</summary>
    public static readonly IReadOnlySet<string> UpdatableFields =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "name", "legal_name", "tax_id", "region", "segment", "collector", "parent_customer_id", "payment_terms",
            "credit_limit", "contacts", "billing_address", "shipping_address", "late_charge_terms",
        };

    public Task<Proto.Customer> UpdateAsync(Proto.UpdateCustomerRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var changes = v.Resource("customer", request.Customer);
        v.Require("customer.id", changes.Id);
        // JSON bodies carry mask paths in camelCase and the transcoder converts them; query strings
        // arrive as written. Both name the same fields.
        var paths = (request.UpdateMask?.Paths ?? []).Select(SnakeCase).ToList();
        if (paths.Count == 0) v.Add("update_mask", $"name the fields to change: {string.Join(", ", UpdatableFields)}");
        foreach (var path in paths.Where(p => !UpdatableFields.Contains(p)))
            v.Add("update_mask", $"'{path}' cannot be updated; updatable: {string.Join(", ", UpdatableFields)}");
        v.ThrowIfInvalid();

        return commands.ExecuteAsync("UpdateCustomer", request.RequestId, request, async token =>
        {
            var customer = await db.Customers.FindAsync([changes.Id], token) ?? throw new NotFoundException("customer", changes.Id);
            var before = customer.ToProto();
            if (changes.Etag.Length > 0 && changes.Etag != before.Etag)
                throw new ConcurrencyConflictException(
                    $"Customer {customer.CustomerNumber} was changed since it was read (etag {changes.Etag}); read it again and reapply.");
            // The stored customer with the named fields replaced, validated as a whole.
            var merged = before.Clone();
            foreach (var path in paths) Replace(merged, changes, path);
            var input = CustomerRequests.Parse(new Proto.CreateCustomerRequest { RequestId = request.RequestId, Customer = merged });
            customer.Name = input.Name;
            customer.Region = input.Region;
            customer.NetDays = input.Terms.NetDays;
            customer.DiscountPercent = input.Terms.DiscountPercent;
            customer.DiscountDays = input.Terms.DiscountDays;
            customer.CreditLimit = input.CreditLimit?.Amount;
            customer.Contacts = input.Contacts.ToList();
            if (input.Profile.ParentCustomerId != customer.ParentCustomerId)
                await CheckParentAsync(customer.Id, input.Profile.ParentCustomerId, token);
            Apply(customer, input.Profile);
            customer.MasterVersion++;
            var after = customer.ToProto();
            commands.Audit("customer", customer.Id, before, after);
            return after;
        }, ct);
    }

    private static void Apply(Customer customer, CustomerProfile profile)
    {
        customer.LegalName = profile.LegalName;
        customer.TaxId = profile.TaxId;
        customer.Segment = profile.Segment;
        customer.Collector = profile.Collector;
        customer.ParentCustomerId = profile.ParentCustomerId;
        customer.BillingAddress = profile.BillingAddress;
        customer.ShippingAddress = profile.ShippingAddress;
        customer.LateCharges = profile.LateCharges;
    }

    /// <summary>
    /// A parent account must exist and must not be the customer itself or one of its own
    /// descendants: account hierarchies roll up, so a cycle would never end.
    /// </summary>
    private async Task CheckParentAsync(string customerId, string? parentId, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { customerId };
        for (var ancestor = parentId; ancestor is not null;)
        {
            if (!seen.Add(ancestor))
                throw new RequestValidationException([new FieldViolation("customer.parent_customer_id",
                    "would make the customer its own ancestor")]);
            var next = await db.Customers.Where(c => c.Id == ancestor).Select(c => new { c.ParentCustomerId }).FirstOrDefaultAsync(ct);
            if (next is null)
                throw new RequestValidationException([new FieldViolation("customer.parent_customer_id", $"no customer {ancestor}")]);
            ancestor = next.ParentCustomerId;
        }
    }

    private static string SnakeCase(string path) =>
        string.Concat(path.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    private static void Replace(Proto.Customer target, Proto.Customer source, string path)
    {
        switch (path)
        {
            case "name": target.Name = source.Name; break;
            case "legal_name": target.LegalName = source.LegalName; break;
            case "tax_id": target.TaxId = source.TaxId; break;
            case "region": target.Region = source.Region; break;
            case "segment": target.Segment = source.Segment; break;
            case "collector": target.Collector = source.Collector; break;
            case "parent_customer_id": target.ParentCustomerId = source.ParentCustomerId; break;
            case "billing_address": target.BillingAddress = source.BillingAddress; break;
            case "shipping_address": target.ShippingAddress = source.ShippingAddress; break;
            case "late_charge_terms": target.LateChargeTerms = source.LateChargeTerms; break;
            case "payment_terms": target.PaymentTerms = source.PaymentTerms; break;
            case "credit_limit": target.CreditLimit = source.CreditLimit; break;
            case "contacts":
                target.Contacts.Clear();
                target.Contacts.Add(source.Contacts);
                break;
        }
    }

    public async Task<Proto.Customer> GetAsync(string id, CancellationToken ct)
    {
        var customer = await portfolio.Customers(db.Customers.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct)
                       ?? throw new NotFoundException("customer", id);
        return customer.ToProto();
    }

    public async Task<Proto.ListCustomersResponse> ListAsync(Proto.ListCustomersRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();

        var query = portfolio.Customers(db.Customers.AsNoTracking());
        if (request.Region.Length > 0) query = query.Where(c => c.Region == request.Region);
        if (request.Segment.Length > 0) query = query.Where(c => c.Segment == request.Segment.ToUpperInvariant());
        if (request.Collector.Length > 0) query = query.Where(c => c.Collector == request.Collector);
        if (request.Currency.Length > 0) query = query.Where(c => c.Currency == request.Currency.ToUpperInvariant());
        if (request.ParentCustomerId.Length > 0) query = query.Where(c => c.ParentCustomerId == request.ParentCustomerId);
        if (request.NamePrefix.Length > 0)
        {
            // Case-insensitive on every provider (PostgreSQL's LIKE is not, SQLite's is only for
            // ASCII): both sides upper-cased. Wildcards typed by the caller are matched literally.
            var pattern = EscapeLike(request.NamePrefix.ToUpperInvariant()) + "%";
            query = query.Where(c => EF.Functions.Like(c.Name.ToUpper(), pattern, "\\") || EF.Functions.Like(c.LegalName.ToUpper(), pattern, "\\"));
        }
        var (items, next) = await query.ToPageAsync(page, c => c.Id, ct);
        return new Proto.ListCustomersResponse { Customers = { items.Select(c => c.ToProto()) }, NextPageToken = next };
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
