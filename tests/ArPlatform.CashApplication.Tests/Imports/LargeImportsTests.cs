using ArPlatform.CashApplication.Imports;
using Microsoft.Extensions.Time.Testing;

namespace ArPlatform.CashApplication.Tests.Imports;

public sealed class LargeImportsTests
{
    private readonly FakeTimeProvider _clock = new();

    /// <summary>Moves the clock on and lets the collections it made due run.</summary>
    private async Task<int> CollectionsAfterAsync(LargeImports imports, TimeSpan elapsed, int expected)
    {
        _clock.Advance(elapsed);
        for (var i = 0; i < 100 && imports.Collections < expected; i++) await Task.Delay(20);
        return imports.Collections;
    }

    [Fact]
    public async Task Memory_is_given_back_when_the_last_of_several_large_imports_is_done_and_again_once_pooled_buffers_are_idle()
    {
        var imports = new LargeImports(_clock);
        var first = imports.Track(LargeImports.Bytes);
        var second = imports.Track(20 * LargeImports.Bytes);

        first.Dispose();
        var whileOneRuns = await CollectionsAfterAsync(imports, TimeSpan.FromSeconds(70), 1);
        second.Dispose();
        second.Dispose();
        var soonAfter = await CollectionsAfterAsync(imports, TimeSpan.FromSeconds(1), 1);
        var aMinuteLater = await CollectionsAfterAsync(imports, TimeSpan.FromSeconds(64), 2);

        Assert.Equal((0, 1, 2), (whileOneRuns, soonAfter, aMinuteLater));
    }

    [Fact]
    public async Task Small_imports_never_cost_a_collection()
    {
        var imports = new LargeImports(_clock);

        imports.Track(LargeImports.Bytes - 1).Dispose();

        Assert.Equal(0, await CollectionsAfterAsync(imports, TimeSpan.FromMinutes(2), 1));
    }
}
