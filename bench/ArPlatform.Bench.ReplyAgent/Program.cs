using ArPlatform.Bench.ReplyAgent.Corpus;
using ArPlatform.Bench.ReplyAgent.Evaluation;
using ArPlatform.Bench.ReplyAgent.Training;
using ArPlatform.Collections.Agent;

// The reply agent's corpus, model and evaluation. From the repository root:
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- generate   writes corpus/emails.jsonl
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- train      writes src/Collections/Agent/intent-model.json
//       (from the generated train split and every corpus/handwritten-*.jsonl)
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- crossvalidate   leave one hand-written author out, to tune on
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- evaluate   scores the shipped model on the held-out split
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- evaluate --corpus bench/ArPlatform.Bench.ReplyAgent/independent-heldout.jsonl
//       also scores, separately, every mail of an independently written file (never used by train)
const int Seed = 20261207;
const int CorpusSize = 1500;
var root = FindRoot();
var corpus = Path.Combine(root, "bench", "ArPlatform.Bench.ReplyAgent", "corpus", "emails.jsonl");
var modelPath = Path.Combine(root, "src", "Collections", "Agent", "intent-model.json");
switch (args.FirstOrDefault())
{
    case "generate":
        CorpusFile.Write(corpus, CorpusGenerator.Generate(CorpusSize, Seed));
        Console.WriteLine($"{CorpusSize} mails written to {corpus}");
        return 0;
    case "train":
        // The generated corpus's train split and every hand-written corpus (corpus/handwritten-*.jsonl, each by its own author).
        var handwritten = Directory.GetFiles(Path.GetDirectoryName(corpus)!, "handwritten-*.jsonl").Order(StringComparer.Ordinal).ToList();
        var train = CorpusFile.Read(corpus).Concat(handwritten.SelectMany(CorpusFile.Read)).Where(m => m.Split == "train").ToList();
        IntentTrainer.Save(IntentTrainer.Train(train, Seed), modelPath);
        Console.WriteLine($"Trained on {train.Count} mails ({handwritten.Count} hand-written corpora); model written to {modelPath}");
        return 0;
    case "crossvalidate":
    {
        // Leave one author out: train on the generated corpus and the other hand-written ones, score the one left out.
        // What to tune on: the independent sets are never scored here.
        var generated = CorpusFile.Read(corpus).Where(m => m.Split == "train").ToList();
        var writers = Directory.GetFiles(Path.GetDirectoryName(corpus)!, "handwritten-*.jsonl").Order(StringComparer.Ordinal).ToList();
        var scores = new List<double>();
        foreach (var left in writers)
        {
            var model = IntentTrainer.Train([.. generated, .. writers.Where(a => a != left).SelectMany(CorpusFile.Read)], Seed);
            var f1 = IntentEvaluation.Run(CorpusFile.Read(left), model, TextWriter.Null);
            scores.Add(f1);
            Console.WriteLine($"{Path.GetFileName(left)} left out: macro-F1 {f1:0.000}");
        }
        Console.WriteLine($"mean macro-F1 {scores.Average():0.000}");
        return 0;
    }
    case "evaluate":
        var independent = args.ElementAtOrDefault(1) == "--corpus" ? args.ElementAtOrDefault(2) : null;
        if (args.ElementAtOrDefault(1) == "--corpus" && independent is null)
        {
            Console.Error.WriteLine("usage: evaluate [corpus.jsonl] [--corpus independent.jsonl]");
            return 2;
        }
        var authors = independent is null ? args.ElementAtOrDefault(1) ?? corpus : corpus;
        IntentEvaluation.Run([.. CorpusFile.Read(authors).Where(m => m.Split == "test")], IntentModel.Default, Console.Out, "Authors' held-out split");
        if (independent is not null)
        {
            Console.WriteLine();
            IntentEvaluation.Run(CorpusFile.Read(File.Exists(independent) ? independent : Path.GetFullPath(independent, root)), IntentModel.Default, Console.Out,
                $"Independent held-out set ({Path.GetFileName(independent)}, all mails)");
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: generate | train | crossvalidate | evaluate [corpus.jsonl] [--corpus independent.jsonl]");
        return 2;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ArPlatform.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("Run from inside the repository (ArPlatform.sln not found above the current folder).");
}
