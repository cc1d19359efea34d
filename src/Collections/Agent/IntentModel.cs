using System.Text.Json;
using System.Text.Json.Serialization;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// The shipped intent model: one logistic regression per intent (one-vs-rest, so a mail may
/// carry several intents) over <see cref="TextFeatures"/>, weights by feature. Trained by
/// <c>dotnet run --project bench/ArPlatform.Bench.ReplyAgent -- train</c> on the corpus in
/// <c>bench/ArPlatform.Bench.ReplyAgent/corpus</c>; readable as JSON, so a reviewer can see which
/// words move an intent.
/// </summary>
public sealed class IntentModel
{
    [JsonPropertyName("intents")] public required List<string> Intents { get; init; }
    [JsonPropertyName("bias")] public required double[] Bias { get; init; }
    [JsonPropertyName("weights")] public required Dictionary<string, double[]> Weights { get; init; }
    /// <summary>What it was trained on and how it scored on the held-out split, for the record.</summary>
    [JsonPropertyName("trainedOn")] public string TrainedOn { get; init; } = "";

    private static readonly Lazy<IntentModel> Shipped = new(() =>
    {
        using var stream = typeof(IntentModel).Assembly.GetManifestResourceStream("intent-model.json")
            ?? throw new InvalidOperationException("The intent model is not embedded in the assembly.");
        return JsonSerializer.Deserialize<IntentModel>(stream) ?? throw new InvalidDataException("The intent model is empty.");
    });

    public static IntentModel Default => Shipped.Value;

    /// <summary>Each intent's probability, most likely first.</summary>
    public IReadOnlyList<(Proto.MessageIntent Intent, double Probability)> Score(IReadOnlyCollection<string> features)
    {
        var z = (double[])Bias.Clone();
        // Presence features scaled to unit length: a long mail does not shout louder than a short one.
        var scale = features.Count == 0 ? 0 : 1 / Math.Sqrt(features.Count);
        foreach (var f in features)
            if (Weights.TryGetValue(f, out var w))
                for (var k = 0; k < z.Length; k++) z[k] += w[k] * scale;
        return [.. Intents.Select((name, k) => (IntentNames.Parse(name), 1 / (1 + Math.Exp(-z[k])))).OrderByDescending(s => s.Item2)];
    }
}

/// <summary>Intents by their wire names (API.md), as the corpus and the model write them.</summary>
public static class IntentNames
{
    private static readonly Dictionary<Proto.MessageIntent, string> Names =
        Proto.CorrespondenceReflection.Descriptor.EnumTypes.Single(e => e.Name == "MessageIntent").Values
            .Where(v => v.Number != 0).ToDictionary(v => (Proto.MessageIntent)v.Number, v => v.Name["MESSAGE_INTENT_".Length..]);

    public static IReadOnlyCollection<Proto.MessageIntent> All => Names.Keys;

    public static Proto.MessageIntent Parse(string name) =>
        Names.FirstOrDefault(n => n.Value == name).Key is var intent && intent != Proto.MessageIntent.Unspecified
            ? intent : throw new InvalidDataException($"Unknown intent '{name}'.");

    public static string Name(Proto.MessageIntent intent) => Names.GetValueOrDefault(intent, "");
}
