using System.Text.Json;
using ArPlatform.Bench.ReplyAgent.Corpus;
using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;

namespace ArPlatform.Bench.ReplyAgent.Training;

/// <summary>
/// Trains <see cref="IntentModel"/>: per intent a logistic regression (one-vs-rest, so several
/// intents per mail) by stochastic gradient descent with L2 regularisation over the features the
/// service reads (<see cref="TextFeatures"/> of the subject and the reply with quotes and
/// signature stripped, as <see cref="MailParser"/> leaves it). Features seen in fewer than
/// <see cref="MinCount"/> training mails are dropped; deterministic for a seed.
/// </summary>
public static class IntentTrainer
{
    private const int MinCount = 2;
    private const int Epochs = 30;
    private const double LearningRate = 0.5;
    private const double L2 = 1e-5;

    public static IntentModel Train(IReadOnlyList<LabelledMail> mails, int seed)
    {
        var intents = IntentNames.All.Select(IntentNames.Name).ToList();
        var docs = mails.Select(m => (Features: Features(m), Labels: intents.Select(i => m.Intents.Contains(i) ? 1.0 : 0.0).ToArray())).ToList();
        var counts = docs.SelectMany(d => d.Features).GroupBy(f => f).Where(g => g.Count() >= MinCount).Select(g => g.Key).ToHashSet();
        var weights = counts.ToDictionary(f => f, _ => new double[intents.Count]);
        var bias = new double[intents.Count];
        var random = new Random(seed);
        var order = Enumerable.Range(0, docs.Count).ToArray();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + epoch * 0.1);
            foreach (var n in order)
            {
                var features = docs[n].Features.Where(counts.Contains).ToList();
                var scale = features.Count == 0 ? 0 : 1 / Math.Sqrt(features.Count);
                for (var k = 0; k < intents.Count; k++)
                {
                    var z = bias[k] + features.Sum(f => weights[f][k]) * scale;
                    var gradient = 1 / (1 + Math.Exp(-z)) - docs[n].Labels[k];
                    bias[k] -= rate * gradient;
                    foreach (var f in features) weights[f][k] -= rate * (gradient * scale + L2 * weights[f][k]);
                }
            }
        }
        return new IntentModel
        {
            Intents = intents, Bias = [.. bias.Select(b => Math.Round(b, 4))],
            // Near-zero weights say nothing and only make the file longer.
            Weights = weights.Where(w => w.Value.Any(x => Math.Abs(x) >= 0.01)).OrderBy(w => w.Key, StringComparer.Ordinal)
                .ToDictionary(w => w.Key, w => w.Value.Select(x => Math.Round(x, 3)).ToArray()),
            TrainedOn = $"{mails.Count} mails of the train split, seed {seed}",
        };
    }

    public static IReadOnlyCollection<string> Features(LabelledMail m) =>
        TextFeatures.Of(m.Subject, MailParser.FromFields(m.From, "", m.Subject, m.Body, "", "", "", DateTime.UnixEpoch).Text);

    public static void Save(IntentModel model, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(model, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}
