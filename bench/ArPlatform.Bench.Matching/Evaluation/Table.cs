using System.Globalization;
using System.Text;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>A markdown table with its columns padded to line up in a terminal too; numbers right-aligned.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Row(params object?[] cells)
    {
        _rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var numeric = headers.Select((_, i) => _rows.Count > 0 && _rows.All(r => IsNumber(r[i]))).ToArray();
        string Line(IEnumerable<string> cells) =>
            "| " + string.Join(" | ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |";
        var text = new StringBuilder();
        text.AppendLine(Line(headers));
        text.AppendLine("| " + string.Join(" | ", widths.Select((w, i) => numeric[i] ? new string('-', w - 1) + ":" : new string('-', w))) + " |");
        foreach (var row in _rows) text.AppendLine(Line(row));
        return text.ToString();
    }

    /// <summary>A share as a percentage, "–" when there is nothing to divide.</summary>
    public static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Format(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.000", CultureInfo.InvariantCulture),
        double d => d.ToString("0.000", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static bool IsNumber(string cell) =>
        cell is "–" or "" or "n/a" || decimal.TryParse(cell.Replace(" %", "").Replace("≥ ", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
