namespace ArPlatform.EndToEnd.Tests;

/// <summary>
/// The stack's balance cache needs redis-server, and a test may need more (Debian's chromium for
/// the dashboard). Without them a developer's run skips the test with the reason; under CI=true it
/// runs and fails, as a missing dependency must.
/// </summary>
public sealed class StackFactAttribute : FactAttribute
{
    public StackFactAttribute(params string[] alsoNeeds)
    {
        var missing = alsoNeeds.Prepend("redis-server").Where(tool => !OnPath(tool)).ToList();
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing.Count > 0 && !ci)
            Skip = $"{string.Join(" and ", missing)} not installed (apt-get install {string.Join(' ', missing)}); end-to-end test skipped.";
    }

    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
