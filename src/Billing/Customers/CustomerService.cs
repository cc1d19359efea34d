using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Customers;

/// <summary>The customer master: create once per request id, read, list in stable pages.</summary>
public sealed class CustomerService(BillingDbContext db, CommandExecutor<BillingDbContext> commands, TimeProvider clock)
{
    public Task<Proto.Customer> CreateAsync(Proto.CreateCustomerRequest request, CancellationToken ct)
    {
        var input = CustomerRequests.Parse(request);
        return commands.ExecuteAsync("CreateCustomer", request.RequestId, request, async token =>
        {
            var number = await commands.NextNumberAsync("customer", token);
            var customer = new Customer
            {
                Id = Ulid.NewUlid().ToString(),
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
            db.Customers.Add(customer);
            var created = customer.ToProto();
            commands.Audit("customer", customer.Id, null, created);
            return created;
        }, ct);
    }

    /// <summary>Fields an update may name; the currency stays what the customer was created with.</summary>
    public static readonly IReadOnlySet<string> UpdatableFields =
        new HashSet<string>(StringComparer.Ordinal) { "name", "region", "payment_terms", "credit_limit", "contacts" };

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
            customer.MasterVersion++;
            var after = customer.ToProto();
            commands.Audit("customer", customer.Id, before, after);
            return after;
        }, ct);
    }

    private static string SnakeCase(string path) =>
        string.Concat(path.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    private static void Replace(Proto.Customer target, Proto.Customer source, string path)
    {
        switch (path)
        {
            case "name": target.Name = source.Name; break;
            case "region": target.Region = source.Region; break;
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
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
                       ?? throw new NotFoundException("customer", id);
        return customer.ToProto();
    }

    public async Task<Proto.ListCustomersResponse> ListAsync(Proto.ListCustomersRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();

        var query = db.Customers.AsNoTracking();
        if (request.Region.Length > 0) query = query.Where(c => c.Region == request.Region);
        var (items, next) = await query.ToPageAsync(page, c => c.Id, ct);
        return new Proto.ListCustomersResponse { Customers = { items.Select(c => c.ToProto()) }, NextPageToken = next };
    }
}
