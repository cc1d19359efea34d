using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>The full customer master: who the customer is, where, who owns the account, and its hierarchy.</summary>
public sealed class CustomerMasterTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private static CreateCustomerRequest FullCustomer(string requestId, string name, string collector = "ana", string segment = "enterprise",
        string parentId = "") => new()
    {
        RequestId = requestId,
        Customer = new Customer
        {
            Name = name,
            LegalName = name + " Holdings GmbH",
            TaxId = "DE123456789",
            Currency = "EUR",
            Region = "EMEA",
            Segment = segment,
            Collector = collector,
            ParentCustomerId = parentId,
            PaymentTerms = new PaymentTerms { NetDays = 30, DiscountPercent = "2", DiscountDays = 10 },
            BillingAddress = new Address { Line1 = "Hauptstraße 1", City = "Berlin", PostalCode = "10115", Country = "DE" },
            ShippingAddress = new Address { Line1 = "Lagerweg 7", City = "Potsdam", PostalCode = "14467", Country = "DE" },
            LateChargeTerms = new LateChargeTerms { AnnualRatePercent = "9.5", GraceDays = 5 },
            Contacts = { new Contact { Name = "Jonas Weber", Email = "ap@example.de", Role = "AP" } },
        },
    };

    [Fact]
    public async Task A_full_customer_record_is_kept_as_given_and_the_segment_normalised()
    {
        var created = await _host.Client.CreateCustomerAsync(FullCustomer("c-1", "Muster"));

        var read = await _host.Client.GetCustomerAsync(new GetCustomerRequest { Id = created.Id });
        Assert.Equal(("Muster Holdings GmbH", "DE123456789", "ENTERPRISE", "ana"), (read.LegalName, read.TaxId, read.Segment, read.Collector));
        Assert.Equal(("Hauptstraße 1", "Berlin", "DE"), (read.BillingAddress.Line1, read.BillingAddress.City, read.BillingAddress.Country));
        Assert.Equal("Potsdam", read.ShippingAddress.City);
        Assert.Equal(("9.5", 5), (read.LateChargeTerms.AnnualRatePercent, read.LateChargeTerms.GraceDays));
    }

    [Fact]
    public async Task Bad_master_data_is_refused_field_by_field_and_nothing_is_stored()
    {
        var request = FullCustomer("c-1", "Muster", parentId: "01NOSUCHPARENT");
        request.Customer.BillingAddress.Country = "Germany";
        request.Customer.LateChargeTerms = new LateChargeTerms { AnnualRatePercent = "9.5", FlatFee = new Money { Currency = "EUR", Amount = "40.00" } };

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.Client.CreateCustomerAsync(request).ResponseAsync);

        var fields = status.FieldViolations().ToList();
        Assert.Contains("customer.billing_address.country", fields);
        Assert.Contains("customer.late_charge_terms", fields);
        Assert.Equal(0, await _host.CountAsync<Customers.Customer>());
    }

    [Fact]
    public async Task A_parent_account_must_exist_and_never_close_a_cycle()
    {
        var group = await _host.Client.CreateCustomerAsync(FullCustomer("c-1", "Group"));
        var subsidiary = await _host.Client.CreateCustomerAsync(FullCustomer("c-2", "Subsidiary", parentId: group.Id));
        Assert.Equal(group.Id, subsidiary.ParentCustomerId);

        // Making the group a child of its own subsidiary would loop for ever.
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.Client.UpdateCustomerAsync(new UpdateCustomerRequest
        {
            RequestId = "u-1",
            Customer = new Customer { Id = group.Id, ParentCustomerId = subsidiary.Id },
            UpdateMask = new FieldMask { Paths = { "parent_customer_id" } },
        }).ResponseAsync);
        Assert.Contains("customer.parent_customer_id", status.FieldViolations());

        var children = await _host.Client.ListCustomersAsync(new ListCustomersRequest { ParentCustomerId = group.Id });
        Assert.Equal(subsidiary.Id, Assert.Single(children.Customers).Id);
    }

    [Fact]
    public async Task A_collector_can_be_reassigned_and_the_portfolio_lists_follow()
    {
        var customer = await _host.Client.CreateCustomerAsync(FullCustomer("c-1", "Muster", collector: "ana"));
        await _host.Client.CreateCustomerAsync(FullCustomer("c-2", "Other", collector: "ben", segment: "smb"));

        await _host.Client.UpdateCustomerAsync(new UpdateCustomerRequest
        {
            RequestId = "u-1",
            Customer = new Customer { Id = customer.Id, Collector = "carla", Segment = "mid_market" },
            UpdateMask = new FieldMask { Paths = { "collector", "segment" } },
        });

        Assert.Empty((await _host.Client.ListCustomersAsync(new ListCustomersRequest { Collector = "ana" })).Customers);
        var carla = await _host.Client.ListCustomersAsync(new ListCustomersRequest { Collector = "carla", Segment = "MID_MARKET" });
        Assert.Equal(customer.Id, Assert.Single(carla.Customers).Id);
    }

    [Theory]
    [InlineData("mus", 1)]
    [InlineData("MUSTER HOLD", 1)]
    [InlineData("Other", 1)]
    [InlineData("%", 0)]
    [InlineData("Nobody", 0)]
    public async Task Customers_are_found_by_the_start_of_their_trading_or_legal_name(string prefix, int expected)
    {
        await _host.Client.CreateCustomerAsync(FullCustomer("c-1", "Muster"));
        await _host.Client.CreateCustomerAsync(FullCustomer("c-2", "Other"));

        var found = await _host.Client.ListCustomersAsync(new ListCustomersRequest { NamePrefix = prefix });

        Assert.Equal(expected, found.Customers.Count);
    }
}
