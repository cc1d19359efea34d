using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.AppHost;

/// <summary>
/// A development token for each person's role, written to <c>dev-tokens</c> in the data folder
/// (readable by its owner only, like the signing key beside it) rather than printed: AppHost's
/// console is kept for the dashboard's log view, and a token there is a token handed to whoever
/// reads it. The <c>service</c> role is left out: it is for the services' own calls, and anyone
/// who needs it mints it with <c>AppHost token</c>. The file is a shell script of assignments,
/// so <c>. .data/dev-tokens</c> sets <c>$ar_clerk</c> and the others.
/// </summary>
internal static class DevelopmentTokens
{
    public const string FileName = "dev-tokens";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Writes a fresh file (replacing the last run's) and returns its path.</summary>
    public static string Write(string dataDirectory, TokenIssuer issuer)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var lines = new List<string>
        {
            $"# ArPlatform development tokens, valid until {DateTimeOffset.UtcNow.Add(Lifetime):yyyy-MM-dd HH:mm}Z. Mint others with:",
            "#   dotnet run --project AppHost -- token --user NAME --role ROLE",
        };
        lines.AddRange(Roles.All.Where(role => role != Roles.Service)
            .Select(role => $"{role}={issuer.Issue("dev-" + role.Replace('_', '-'), [role], Lifetime)}"));

        // Created owner-only, never readable by others even for a moment.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, options))
        {
            foreach (var line in lines) writer.WriteLine(line);
        }
        return path;
    }
}
