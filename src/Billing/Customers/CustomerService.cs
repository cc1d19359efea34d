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
