using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArPlatform.Bench.ReplyAgent.Corpus;

/// <summary>One e-mail of the corpus, its intents (wire names) and the split it belongs to.</summary>
public sealed record LabelledMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("split")] string Split,
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("intents")] IReadOnlyList<string> Intents);

/// <summary>JSON lines, one <see cref="LabelledMail"/> a line; empty lines and lines starting with # (comments) are skipped.</summary>
public static class CorpusFile
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, IEnumerable<LabelledMail> mails) =>
        File.WriteAllLines(path, mails.Select(m => JsonSerializer.Serialize(m, Options)));

    public static IReadOnlyList<LabelledMail> Read(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => JsonSerializer.Deserialize<LabelledMail>(l, Options)!)];
}
