using System.Globalization;
using System.Text;

namespace ArPlatform.AppHost.Dashboard;

/// <summary>One sample of a scrape: <c>name{labels} value</c>.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";

    /// <summary>Name and labels: what identifies the same series in the next scrape.</summary>
    public string Series => Name + "{" + string.Join(',', Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}

/// <summary>
/// Reads the Prometheus text exposition format (what every service's <c>/metrics</c> answers):
/// comments and blank lines skipped, label values unescaped, timestamps ignored.
/// </summary>
public static class PrometheusText
{
    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            samples.Add(ParseLine(line));
        }
        return samples;
    }

    private static Sample ParseLine(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{');
        var space = line.IndexOf(' ');
        int rest;
        string name;
        if (brace >= 0 && (space < 0 || brace < space))
        {
            name = line[..brace];
            rest = ParseLabels(line, brace + 1, labels);
        }
        else
        {
            name = space < 0 ? throw new FormatException($"No value in '{line}'.") : line[..space];
            rest = space;
        }
        var fields = line[rest..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0) throw new FormatException($"No value in '{line}'.");
        return new Sample(name, labels, ParseValue(fields[0]));
    }

    /// <summary>Reads <c>a="x",b="y"}</c> from <paramref name="i"/>; returns the index after the brace.</summary>
    private static int ParseLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (i < line.Length && line[i] != '}')
        {
            var equals = line.IndexOf('=', i);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"') throw new FormatException($"Bad label in '{line}'.");
            var key = line[i..equals].Trim();
            var value = new StringBuilder();
            var j = equals + 2;
            for (; j < line.Length && line[j] != '"'; j++)
            {
                if (line[j] == '\\' && j + 1 < line.Length)
                {
                    j++;
                    value.Append(line[j] == 'n' ? '\n' : line[j]);
                }
                else value.Append(line[j]);
            }
            if (j >= line.Length) throw new FormatException($"Unterminated label value in '{line}'.");
            labels[key] = value.ToString();
            i = j + 1;
            if (i < line.Length && line[i] == ',') i++;
        }
        if (i >= line.Length) throw new FormatException($"Unterminated labels in '{line}'.");
        return i + 1;
    }

    /// <summary>A sample value or a bucket bound: a float, +Inf, -Inf or NaN.</summary>
    public static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
