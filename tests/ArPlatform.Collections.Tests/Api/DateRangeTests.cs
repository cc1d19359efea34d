using ArPlatform.Contracts.Collections.V1;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>Figures asked for at the calendar's ends are field violations, never a 500 from date arithmetic.</summary>
public sealed class DateRangeTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Kpis_and_forecasts_outside_the_business_range_are_field_violations()
    {
        var kpis = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Manager.GetKpisAsync(
            new GetKpisRequest { PeriodStart = "0001-01-01", PeriodEnd = "9999-12-31" }).ResponseAsync);
        Assert.Equal(["period_start", "period_end"], kpis.FieldViolations());

        var forecast = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Manager.GetCashForecastAsync(
            new GetCashForecastRequest { AsOf = "9999-12-31" }).ResponseAsync);
        Assert.Equal(["as_of"], forecast.FieldViolations());
    }
}
