using System.Globalization;
using ArPlatform.Bench.Fuzz;

// dotnet run -c Release --project bench/ArPlatform.Bench.Fuzz -- [--inputs 1000000] [--minutes 10] [--seed 1] [--crashes artifacts/fuzz]
// dotnet run -c Release --project bench/ArPlatform.Bench.Fuzz -- --replay artifacts/fuzz/<file>.bin   (reads one saved input, prints what escaped)
if (args is ["--replay", var saved])
{
    using var stream = File.OpenRead(saved);
    try
    {
        var (format, transactions) = ArPlatform.CashApplication.BankFiles.BankFileReader.Read(stream);
        Console.WriteLine($"{format}: {transactions.Count()} transactions");
    }
    catch (Exception e)
    {
        Console.WriteLine(e);
    }
    return 0;
}
var (inputs, minutes, seed, crashDir) = (1_000_000L, 10.0, 1, "artifacts/fuzz");
for (var i = 0; i + 1 < args.Length; i += 2)
    switch (args[i])
    {
        case "--inputs": inputs = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--minutes": minutes = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--crashes": crashDir = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}; usage: [--inputs N] [--minutes M] [--seed S] [--crashes DIR]"); return 2;
    }

var seeds = Seeds.Load();
Console.WriteLine($"{seeds.Count} seeds ({Seeds.Locate() ?? "public samples not found: built-in seeds only"}); up to {inputs:N0} inputs or {minutes} minutes, seed {seed}");
var report = FuzzRun.Run(seeds, inputs, TimeSpan.FromMinutes(minutes), seed, hangLimit: TimeSpan.FromSeconds(10));
Console.WriteLine($"{report.Inputs:N0} inputs in {report.Elapsed.TotalSeconds:0.0} s ({report.Inputs / Math.Max(report.Elapsed.TotalSeconds, 0.001):N0}/s): " +
                  $"{report.Parsed:N0} parsed, {report.Refused:N0} refused with a line, {report.CrashCount:N0} crashes in {report.Crashes.Count} places, {(report.Hang is null ? 0 : 1)} hangs");
foreach (var crash in report.Crashes.Append(report.Hang).OfType<Crash>())
{
    Directory.CreateDirectory(crashDir);
    var file = Path.Combine(crashDir, $"{crash.Kind}-{crash.Where}".Replace('/', '_') + ".bin");
    File.WriteAllBytes(file, crash.Input);
    Console.WriteLine($"  {crash.Kind} at {crash.Where} ×{crash.Count} (first from {crash.Seed}): {file}");
}
return report.CrashCount == 0 && report.Hang is null ? 0 : 1;
