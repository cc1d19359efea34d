using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>One running stack shared by the tests that do not stop or reconfigure it.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public AppHostProcess Stack { get; } = new();

    public Task InitializeAsync() => Stack.StartAsync();

    public Task DisposeAsync() => Stack.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SharedStack : ICollectionFixture<StackFixture>
{
    public const string Name = "shared stack";
}

/// <summary>The stack on PostgreSQL with two processes of each service behind the gateway.</summary>
public sealed class ReplicaStackFixture : IAsyncLifetime
{
    public AppHostProcess Stack { get; } = new(arguments: ["--database", "postgres", "--replicas", "2"]);

    public Task InitializeAsync() => Stack.StartAsync();

    public Task DisposeAsync() => Stack.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ReplicaStack : ICollectionFixture<ReplicaStackFixture>
{
    public const string Name = "replica stack";
}
