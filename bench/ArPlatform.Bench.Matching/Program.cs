using System.Diagnostics;
using System.Globalization;
using ArPlatform.Bench.Matching;
using ArPlatform.Bench.Matching.Evaluation;
using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Matching;

// Generated days of receivables, written as real bank files, through the real parsers and the
// real engine, scored against what a careful person would have done (see README, "Matching accuracy").
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
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
var payments = Scenarios.Generate(options.Payments, options.Seed, options.Split)
    .SelectMany(scenario => Replay.Run(scenario, policy, outcomes)).ToList();
Console.Write(Report.Write(payments, options.SplitName, options.Seed, policy, clock.Elapsed));
if (options.Mistakes > 0)
    Console.Write($"\n## Wrong automatic applications (first {options.Mistakes})\n\n{Mistakes.Write(payments, options.Mistakes)}");
if (options.Export is { } path)
    Console.WriteLine($"\nExported {FeatureExport.Write(path, payments)} (payment, proposal) rows to {path}.");
return 0;
