using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Grpc;

/// <summary>Mapped now so that reflection and the gateway route exist; RPCs come with the service's issue.</summary>
public sealed class CollectionsServiceGrpcService : CollectionsService.CollectionsServiceBase;
