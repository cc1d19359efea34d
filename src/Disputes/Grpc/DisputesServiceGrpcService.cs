using ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Grpc;

/// <summary>Mapped now so that reflection and the gateway route exist; RPCs come with the service's issue.</summary>
public sealed class DisputesServiceGrpcService : DisputesService.DisputesServiceBase;
