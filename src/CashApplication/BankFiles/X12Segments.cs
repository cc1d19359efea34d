using System.Text;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>One X12 segment: its id, its elements (trimmed) and the line it starts on.</summary>
public sealed record X12Segment(string Id, IReadOnlyList<string> Elements, int Line)
{
    /// <summary>Element n as X12 numbers them (BPR02 is <c>this[2]</c>); empty when absent.</summary>
    public string this[int n] => n >= 1 && n <= Elements.Count ? Elements[n - 1] : "";
}

/// <summary>
/// Reads X12 interchanges segment by segment, with the delimiters the ISA header declares: the
/// element separator is its fourth character, the segment terminator the character after ISA16
/// (a newline included). Tolerates a byte-order mark, indentation and blank lines between segments.
/// </summary>
public static class X12Segments
{
    public static IEnumerable<X12Segment> Read(TextReader reader)
    {
        var line = 1;
        int c;
        // Up to the ISA: a BOM, whitespace.
        while ((c = reader.Peek()) >= 0 && (char.IsWhiteSpace((char)c) || c == '\uFEFF'))
        {
            if (reader.Read() == '\n') line++;
        }
        var header = new char[3];
        if (reader.ReadBlock(header) < 3 || new string(header) != "ISA")
            throw new BankFileFormatException(line, "an X12 interchange starts with ISA");
        var separator = (char)reader.Read();
        if (char.IsLetterOrDigit(separator) || char.IsWhiteSpace(separator))
            throw new BankFileFormatException(line, $"'{separator}' cannot be the X12 element separator");
        // ISA has 16 elements; the terminator follows the one-character ISA16.
        var isa = new StringBuilder("ISA").Append(separator);
        var separators = 1;
        while (separators < 16 && (c = reader.Read()) >= 0)
        {
            isa.Append((char)c);
            if (c == separator) separators++;
        }
        var component = reader.Read();
        var terminator = reader.Read();
        if (component < 0 || terminator < 0) throw new BankFileFormatException(line, "the ISA header is cut short");
        isa.Append((char)component);
        var byLine = terminator is '\r' or '\n';
        if (terminator == '\n') line++;
        yield return Segment(isa.ToString(), separator, line);

        var current = new StringBuilder();
        var start = line;
        while ((c = reader.Read()) >= 0)
        {
            var ends = byLine ? c is '\n' or '\r' : c == terminator;
            if (c == '\n') line++;
            if (!ends)
            {
                if (current.Length == 0 && char.IsWhiteSpace((char)c)) { start = line; continue; }
                current.Append((char)c);
                continue;
            }
            if (current.ToString().Trim() is { Length: > 0 } text) yield return Segment(text, separator, start);
            current.Clear();
            start = line;
        }
        if (current.ToString().Trim() is { Length: > 0 } last) yield return Segment(last, separator, start);
    }

    private static X12Segment Segment(string text, char separator, int line)
    {
        var parts = text.Split(separator);
        return new X12Segment(parts[0].Trim(), parts.Skip(1).Select(p => p.Trim()).ToList(), line);
    }
}
