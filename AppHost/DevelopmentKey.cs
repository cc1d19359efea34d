using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.AppHost;

/// <summary>
/// The development token-signing key: made once per data folder and kept there (readable by its
/// owner only), so tokens minted with <c>AppHost token</c> stay valid across restarts of the stack.
/// Production uses an OIDC provider instead (Auth:Authority).
/// </summary>
internal static class DevelopmentKey
{
    public const string FileName = "dev-signing-key";

    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(dataDirectory);
        var key = TokenSettings.NewSigningKey();
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
