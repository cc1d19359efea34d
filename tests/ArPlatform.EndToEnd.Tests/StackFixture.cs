using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>One running stack shared by a test class.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public AppHostProcess Stack { get; } = new();

    public Task InitializeAsync() => Stack.StartAsync();

    public Task DisposeAsync() => Stack.DisposeAsync().AsTask();
}
