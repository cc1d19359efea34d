using ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Grpc;

/// <summary>Mapped now so that reflection and the gateway route exist; RPCs come with the service's issue.</summary>
public sealed class CashApplicationServiceGrpcService : CashApplicationService.CashApplicationServiceBase;
