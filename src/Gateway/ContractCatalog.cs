
namespace ArPlatform.Gateway;

/// <summary>Every service the gateway fronts, as served by its reflection endpoint.</summary>
internal static class ContractCatalog
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor[] Services =
    [
        ArPlatform.Contracts.Billing.V1.BillingService.Descriptor,
        ArPlatform.Contracts.CashApplication.V1.CashApplicationService.Descriptor,
        ArPlatform.Contracts.Collections.V1.CollectionsService.Descriptor,
        ArPlatform.Contracts.Disputes.V1.DisputesService.Descriptor,
        Grpc.Health.V1.Health.Descriptor,
    ];
}
