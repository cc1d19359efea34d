using ArPlatform.Bench.ReplyAgent.Corpus;
using ArPlatform.Bench.ReplyAgent.Evaluation;
using ArPlatform.Bench.ReplyAgent.Training;
using ArPlatform.Collections.Agent;

// The reply agent's corpus, model and evaluation. From the repository root:
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- generate   writes corpus/emails.jsonl
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- train      writes src/Collections/Agent/intent-model.json
//   dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- evaluate   scores the shipped model on the held-out split
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
        var train = CorpusFile.Read(corpus).Where(m => m.Split == "train").ToList();
        IntentTrainer.Save(IntentTrainer.Train(train, Seed), modelPath);
        Console.WriteLine($"Trained on {train.Count} mails; model written to {modelPath}");
        return 0;
    case "evaluate":
        IntentEvaluation.Run([.. CorpusFile.Read(args.ElementAtOrDefault(1) ?? corpus).Where(m => m.Split == "test")], IntentModel.Default, Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: generate | train | evaluate [corpus.jsonl]");
        return 2;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ArPlatform.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("Run from inside the repository (ArPlatform.sln not found above the current folder).");
}
