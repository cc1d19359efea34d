namespace ArPlatform.CashApplication.Tests.Infrastructure;

/// <summary>
/// The third-party bank files in ../shared/samples/bankfiles (next to the repository, or next
/// to any folder above it, or where ARPLATFORM_BANK_SAMPLES points), read by path and never
/// copied in. A clone without that folder skips these tests with a clear message; under CI=true
/// they must run.
/// </summary>
public static class BankSamples
{
    public static readonly string? Directory = Locate();

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string MissingMessage =
        "../shared/samples/bankfiles is not next to this clone (nor ARPLATFORM_BANK_SAMPLES set); the third-party bank-file corpus tests are skipped.";

    public static string PathOf(string format, string file) => System.IO.Path.Combine(Required, format, file);

    /// <summary>Every file of one format folder (xunit rows: the file name).</summary>
    public static TheoryData<string> Files(string format)
    {
        var data = new TheoryData<string>();
        if (Directory is null && !InCi)
        {
            data.Add("(corpus missing)");
            return data;
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(Required, format)).Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetFileName(file));
        return data;
    }

    /// <summary>The folder, for a test that runs: outside CI a missing one skips the test before it gets here.</summary>
    private static string Required => Directory ?? throw new InvalidOperationException("CI=true but " + MissingMessage);

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("ARPLATFORM_BANK_SAMPLES") is { Length: > 0 } configured)
            return System.IO.Directory.Exists(configured) ? configured : null;
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(System.IO.Path.Combine(repository.FullName, "ArPlatform.sln")))
            repository = repository.Parent;
        for (var dir = repository?.Parent; dir is not null; dir = dir.Parent)
        {
            var samples = System.IO.Path.Combine(dir.FullName, "shared", "samples", "bankfiles");
            if (System.IO.Directory.Exists(samples)) return samples;
        }
        return null;
    }
}

/// <summary>A theory over the sample corpus: skipped (with the reason) when the corpus is absent outside CI.</summary>
public sealed class BankSamplesTheoryAttribute : TheoryAttribute
{
    public BankSamplesTheoryAttribute()
    {
        if (BankSamples.Directory is null && !BankSamples.InCi) Skip = BankSamples.MissingMessage;
    }
}

/// <summary>A fact about one sample file: skipped (with the reason) when the corpus is absent outside CI.</summary>
public sealed class BankSamplesFactAttribute : FactAttribute
{
    public BankSamplesFactAttribute()
    {
        // Under CI=true the test runs, and fails on the missing folder.
        if (BankSamples.Directory is null && !BankSamples.InCi) Skip = BankSamples.MissingMessage;
    }
}
