using System.Text;

namespace ArPlatform.Bench.Fuzz;

/// <summary>
/// Mutations of a bank file, deterministic from a seed: the byte-level ones a fuzzer makes
/// (flips, inserts, deletes, duplicated and spliced ranges, truncation) and the structural ones
/// hostile or broken files carry (huge and negative numbers, very long lines, a record repeated
/// thousands of times, deep XML nesting, DTDs and entity expansion, encodings mixed).
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Bytes that change meaning in one of the formats: separators, terminators, signs, digits, markup.</summary>
    private static readonly byte[] Interesting = "\0\n\r,/*~\\:+-.'\"<>&?9 \u00ff"u8.ToArray().Concat(new byte[] { 0xC3, 0xA4, 0xEF, 0xBB, 0xBF, 0x80 }).ToArray();

    private static readonly int[] Growing = [8, 9, 10, 11];
    private static readonly int[] Small = [0, 1, 2, 3, 4, 5, 6, 7, 12, 13];

    private static readonly string[] HostileNumbers =
        ["99999999999999999999999999999999", "-1", "0", "1e308", "NaN", "79228162514264337593543950336", "00000000000000000000", "9.9.9", "-0", "2147483648"];

    public byte[] Mutate(byte[] input, IReadOnlyList<Seed> others)
    {
        var data = input;
        var rounds = 1 + _random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            data = Once(data, others);
            // Mutations that grow a file compound: kept to what one upload of a large bank file could be.
            if (data.Length > MaxInput) data = data[..MaxInput];
        }
        return data;
    }

    public const int MaxInput = 4 * 1024 * 1024;

    private byte[] Once(byte[] data, IReadOnlyList<Seed> others)
    {
        if (data.Length == 0) return [.. Interesting.Take(1 + _random.Next(Interesting.Length))];
        // Growing a file to megabytes (long lines, repeated records, deep nesting, entity bombs) makes
        // it slow to read back: one input in twenty does, so a run tries many more of the small ones.
        var kind = _random.Next(20) == 0 ? Growing[_random.Next(Growing.Length)] : Small[_random.Next(Small.Length)];
        return kind switch
        {
            0 => Flip(data),
            1 => Set(data),
            2 => Delete(data),
            3 => Insert(data),
            4 => Duplicate(data),
            5 => Splice(data, others[_random.Next(others.Count)].Content),
            6 => data[.._random.Next(data.Length)],
            7 => ReplaceNumber(data),
            8 => LongLine(data),
            9 => RepeatLine(data),
            10 => Nest(data),
            11 => Dtd(data),
            12 => SwapLines(data),
            _ => Latin1(data),
        };
    }

    private byte[] Flip(byte[] data)
    {
        var copy = (byte[])data.Clone();
        copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] Set(byte[] data)
    {
        var copy = (byte[])data.Clone();
        copy[_random.Next(copy.Length)] = Interesting[_random.Next(Interesting.Length)];
        return copy;
    }

    private byte[] Delete(byte[] data)
    {
        var (start, length) = Range(data.Length);
        return [.. data[..start], .. data[(start + length)..]];
    }

    private byte[] Insert(byte[] data)
    {
        var at = _random.Next(data.Length + 1);
        var bytes = Enumerable.Range(0, 1 + _random.Next(16)).Select(_ => _random.Next(3) == 0 ? (byte)_random.Next(256) : Interesting[_random.Next(Interesting.Length)]).ToArray();
        return [.. data[..at], .. bytes, .. data[at..]];
    }

    private byte[] Duplicate(byte[] data)
    {
        var (start, length) = Range(data.Length);
        var at = _random.Next(data.Length + 1);
        return [.. data[..at], .. data[start..(start + length)], .. data[at..]];
    }

    private byte[] Splice(byte[] data, byte[] other)
    {
        if (other.Length == 0) return data;
        var cut = _random.Next(data.Length);
        var from = _random.Next(other.Length);
        return [.. data[..cut], .. other[from..]];
    }

    /// <summary>A run of digits replaced by a number no field should hold.</summary>
    private byte[] ReplaceNumber(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToList();
        if (digits.Count == 0) return Insert(data);
        var start = digits[_random.Next(digits.Count)];
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
        return Encoding.Latin1.GetBytes(text[..start] + HostileNumbers[_random.Next(HostileNumbers.Length)] + text[end..]);
    }

    private byte[] LongLine(byte[] data)
    {
        var at = _random.Next(data.Length + 1);
        var filler = (byte)"A9,*:"[_random.Next(5)];
        return [.. data[..at], .. Enumerable.Repeat(filler, 20_000 + _random.Next(200_000)), .. data[at..]];
    }

    private byte[] RepeatLine(byte[] data)
    {
        var lines = Lines(data);
        var line = lines[_random.Next(lines.Count)];
        var times = Math.Min(100 + _random.Next(5_000), MaxInput / Math.Max(1, line.Length));
        var at = _random.Next(lines.Count + 1);
        return Encoding.Latin1.GetBytes(string.Join("\n", lines.Take(at).Concat(Enumerable.Repeat(line, times)).Concat(lines.Skip(at))));
    }

    private byte[] SwapLines(byte[] data)
    {
        var lines = Lines(data);
        if (lines.Count < 2) return data;
        var (a, b) = (_random.Next(lines.Count), _random.Next(lines.Count));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return Encoding.Latin1.GetBytes(string.Join("\n", lines));
    }

    /// <summary>Elements nested thousands deep where an element starts.</summary>
    private byte[] Nest(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        var at = text.IndexOf("<Ntry", StringComparison.Ordinal) is var i and >= 0 ? i : _random.Next(text.Length + 1);
        var depth = 1_000 + _random.Next(50_000);
        return Encoding.Latin1.GetBytes(text[..at] + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + text[at..]);
    }

    /// <summary>A document type with entities that expand a billion times, or read a local file.</summary>
    private byte[] Dtd(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        var dtd = _random.Next(2) == 0
            ? "<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            : "<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        var root = text.IndexOf("<Document", StringComparison.Ordinal);
        var at = root >= 0 ? root : 0;
        var body = root >= 0 ? text[at..].Replace("</Nm>", "&d;&x;</Nm>", StringComparison.Ordinal) : text;
        return Encoding.Latin1.GetBytes(text[..at] + dtd + body);
    }

    /// <summary>The file re-encoded as Latin-1 where it was UTF-8 (umlauts become invalid UTF-8).</summary>
    private byte[] Latin1(byte[] data) => Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(data));

    private (int Start, int Length) Range(int size)
    {
        var start = _random.Next(size);
        return (start, 1 + _random.Next(Math.Min(size - start, 256)));
    }

    private static List<string> Lines(byte[] data) => [.. Encoding.Latin1.GetString(data).Split('\n')];
}
