using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.AppHost;

/// <summary>
/// <c>dotnet run --project AppHost -- token --user ana --role collector [--role …] [--hours 12] [--data-dir …]</c>:
/// prints a development token, and nothing else, so it can be captured into a variable.
/// </summary>
internal static class TokenCommand
{
    public const string Usage = """
        Usage: dotnet run --project AppHost -- token --user NAME --role ROLE [--role ROLE …] [--hours N] [--data-dir PATH]
          roles: ar_clerk, cash_applier, collector, ar_manager, controller, auditor, service
        """;

    public static int Run(string[] args, string defaultDataDirectory)
    {
        string? user = null;
        var roles = new List<string>();
        var hours = 12;
        var dataDirectory = defaultDataDirectory;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--user": user = Value(); break;
                case "--role": roles.Add(Value()); break;
                case "--hours": hours = int.TryParse(Value(), out var h) && h is > 0 and <= 720 ? h : throw new ArgumentException("--hours is 1 to 720."); break;
                case "--data-dir": dataDirectory = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        if (string.IsNullOrWhiteSpace(user)) throw new ArgumentException("--user is required.");
        if (roles.Count == 0) throw new ArgumentException("At least one --role is required.");
        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}.");

        var issuer = new TokenIssuer(TokenSettings.ForDevelopmentKey(DevelopmentKey.LoadOrCreate(dataDirectory)));
        Console.WriteLine(issuer.Issue(user, roles, TimeSpan.FromHours(hours)));
        return 0;
    }
}
