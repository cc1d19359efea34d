namespace ArPlatform.EndToEnd.Tests;

/// <summary>
/// The stack's balance cache needs redis-server. Without it a developer's run skips these tests
/// with the reason; under CI=true they run and fail, as a missing dependency must.
/// </summary>
public sealed class StackFactAttribute : FactAttribute
{
    public StackFactAttribute()
    {
        var redis = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "redis-server")));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!redis && !ci) Skip = "redis-server is not installed (apt-get install redis-server); end-to-end tests skipped.";
    }
}
