namespace ArPlatform.ServiceDefaults.Health;

public static class HealthTags
{
    /// <summary>Checks that must pass before a service takes traffic (/health).</summary>
    public const string Ready = "ready";
    /// <summary>Checks that say only that the process is responsive (/alive).</summary>
    public const string Live = "live";
}
