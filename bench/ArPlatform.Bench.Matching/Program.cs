using System.Diagnostics;
using System.Globalization;
using ArPlatform.Bench.Matching;
using ArPlatform.Bench.Matching.Evaluation;
using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Matching;

// Generated days of receivables, written as real bank files, through the real parsers and the
// real engine, scored against what a careful person would have done (see README, "Matching accuracy").
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args is ["train", ..])
    return Train(args.Length > 1 && int.TryParse(args[1], out var perSeed) ? perSeed : 6000);
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var clock = Stopwatch.StartNew();
var policy = new MatchPolicy();
var outcomes = new OutcomePolicy();
var payments = Scenarios.Generate(options.Payments, options.Seed, options.Split, options.Generator)
    .SelectMany(scenario => Replay.Run(scenario, policy, outcomes)).ToList();
Console.Write(Report.Write(payments, options.SplitName, options.Seed, policy, clock.Elapsed));
if (options.Mistakes > 0)
    Console.Write($"\n## Wrong automatic applications (first {options.Mistakes})\n\n{Mistakes.Write(payments, options.Mistakes)}");
if (options.Missed > 0)
    Console.Write($"\n## Identifiable payments left to a person (first {options.Missed})\n\n{Mistakes.Missed(payments, options.Missed)}");
if (options.Export is { } path)
    Console.WriteLine($"\nExported {FeatureExport.Write(path, payments)} (payment, proposal) rows to {path}.");
return 0;

// `train [payments per seed]`: fits the confidence model on the tuning generators and writes it where the engine ships it.
static int Train(int paymentsPerSeed)
{
    var (model, report) = ArPlatform.Bench.Matching.Training.ConfidenceTraining.Train(paymentsPerSeed, targetPrecision: 0.999m);
    var repository = new DirectoryInfo(AppContext.BaseDirectory);
    while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "ArPlatform.sln"))) repository = repository.Parent;
    if (repository is null)
    {
        Console.Error.WriteLine("run from inside the repository: the model is written to src/CashApplication/Matching/confidence-model.json");
        return 2;
    }
    var path = Path.Combine(repository.FullName, "src", "CashApplication", "Matching", "confidence-model.json");
    using (var file = File.Create(path)) model.Save(file);
    Console.Write(report);
    Console.WriteLine($"\nWritten to {path}; rebuild CashApplication to ship it.");
    return 0;
}
