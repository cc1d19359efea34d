namespace ArPlatform.AppHost.Resources;

/// <summary>How AppHost knows a resource is ready to be depended on.</summary>
public enum ReadinessKind
{
    /// <summary>GET on the resource's <see cref="Resource.HealthPath"/> answers 200.</summary>
    HttpHealth,
    /// <summary>A Redis PING answers PONG.</summary>
    RedisPing,
    /// <summary>PostgreSQL accepts a connection.</summary>
    Postgres,
}

/// <summary>One process of the stack, fully described before anything starts.</summary>
public sealed record Resource
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    /// <summary>Discovery name: redis, postgres, prometheus, billing, cashapp, collections, disputes, gateway.</summary>
    public required string Name { get; init; }
    public required string FileName { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required string WorkingDirectory { get; init; }
    /// <summary>Named endpoints ("http", "grpc", "tcp") with their loopback ports.</summary>
    public required IReadOnlyDictionary<string, int> Endpoints { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    /// <summary>Resources that must be ready before this one starts.</summary>
    public IReadOnlyList<string> WaitFor { get; init; } = [];
    public ReadinessKind Readiness { get; init; } = ReadinessKind.HttpHealth;
    /// <summary>The HTTP path that answers 200 when the resource is ready (Prometheus: /-/ready).</summary>
    public string HealthPath { get; init; } = "/health";
    /// <summary>
    /// PostgreSQL databases created once the server is ready, before anything that waits for it
    /// starts, as Aspire's AddDatabase does.
    /// </summary>
    public IReadOnlyList<string> Databases { get; init; } = [];
    /// <summary>What asks it to stop: SIGTERM, on which services drain and flush.</summary>
    public int StopSignal { get; init; } = SigTerm;
    /// <summary>Its <c>/metrics</c> belong in Prometheus' targets and on the dashboard: the services and the gateway.</summary>
    public bool ServesMetrics => Endpoints.ContainsKey("grpc");

    public string Url(string endpoint) => $"http://127.0.0.1:{Endpoints[endpoint]}";
}
