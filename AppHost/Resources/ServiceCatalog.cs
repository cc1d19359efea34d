using System.Reflection;

namespace ArPlatform.AppHost.Resources;

/// <summary>The .NET projects AppHost runs, found beside it in the repository it was built from.</summary>
public static class ServiceCatalog
{
    private static readonly (string Name, string Folder, string Assembly, string? Database)[] Projects =
    [
        ("billing", "src/Billing", "ArPlatform.Billing", "billingdb"),
        ("disputes", "src/Disputes", "ArPlatform.Disputes", "disputesdb"),
        ("cashapp", "src/CashApplication", "ArPlatform.CashApplication", "cashappdb"),
        ("collections", "src/Collections", "ArPlatform.Collections", "collectionsdb"),
        ("mcp", "src/Mcp", "ArPlatform.Mcp", null),
        (Topology.Gateway, "src/Gateway", "ArPlatform.Gateway", null),
    ];

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static IReadOnlyList<ServiceProject> Locate()
    {
        var configuration = Metadata("Configuration");
        var framework = Metadata("TargetFramework");
        return Projects.Select(p =>
        {
            var directory = Path.Combine(RepositoryRoot, p.Folder);
            var assembly = Path.Combine(directory, "bin", configuration, framework, p.Assembly + ".dll");
            if (!File.Exists(assembly))
                throw new FileNotFoundException(
                    $"{p.Name} is not built ({assembly}). `dotnet run --project AppHost` builds it; so does `dotnet build`.");
            return new ServiceProject(p.Name, directory, assembly, p.Database);
        }).ToList();
    }

    private static string Metadata(string key) =>
        typeof(ServiceCatalog).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!;
}
