using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Imports;
using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// Re-drives what a crash, an outage or a failed first attempt left undone: imports whose payments
/// never went through matching (older than a minute, so not one still being matched), then every
/// application with remote work left.
/// </summary>
public sealed class DispatchWorker(
    IServiceScopeFactory scopes, ApplicationDispatcher dispatcher, IOptions<DispatchOptions> options, TimeProvider clock,
    ILogger<DispatchWorker> logger) : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await MatchForgottenImportsAsync(ct);
        await dispatcher.DeliverDueAsync(ct);
    }

    public async Task MatchForgottenImportsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var forgotten = await db.Imports.AsNoTracking().Where(i => i.MatchedAt == null && i.ImportedAt < before)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(10).ToListAsync(ct);
        var importer = scope.ServiceProvider.GetRequiredService<BankFileImporter>();
        foreach (var id in forgotten) await importer.MatchAsync(id, ct);
    }
}
