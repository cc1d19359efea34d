using System.Globalization;

namespace ArPlatform.Bench.Matching.Generators.UkIndiaLatam;

/// <summary>
/// What a person reads from a written number: the series when the prefix says it (null: any),
/// the year when written (null: any), and the sequence.
/// </summary>
internal sealed record Reading(Series[]? Series, int? Year, int Seq);

/// <summary>A number as a payer wrote it, and how it reads.</summary>
internal sealed record Written(string Text, Reading Reading);

/// <summary>Invoice numbers as issued and as payers write them: every form says what it still carries.</summary>
internal static class Numbers
{
    private static readonly Series[] YearSeries = [Series.GB1, Series.GB2, Series.ZA1];

    public static string Issued(Series series, int year, int seq) => series switch
    {
        Series.GB1 or Series.GB2 => $"{series}-{year:D2}-{seq:D7}",
        Series.ZA1 => $"ZA1-{year:D2}-{seq:D6}",
        Series.IN => $"IN/{year}-{(year + 1) % 100:D2}/{seq:D5}",
        Series.MXA or Series.MXB => $"{series}-{seq:D6}",
        Series.NF => $"NF-{seq:D6}",
        _ => $"NFS-{seq:D5}",
    };

    public static Written Exact(Invoice i) => new(i.Open.Number, new([i.Series], i.Year, i.Seq));

    /// <summary>The ways people write the number other than as issued: prefix, zeros or year dropped, spaced, compacted, reordered.</summary>
    public static List<Written> Reformatted(Invoice i)
    {
        var (s, y, n) = (i.Series, i.Year, i.Seq);
        Reading Full() => new([s], y, n);
        Reading Any() => new(null, null, n);
        var forms = new List<Written>();
        switch (s)
        {
            case Series.GB1 or Series.GB2 or Series.ZA1:
                var w = s == Series.ZA1 ? 6 : 7;
                var z = Pad(n, w);
                forms.AddRange([
                    new($"{s}{y:D2}{z}", Full()), new($"{s}-{y:D2}-{n}", Full()), new($"{s} {y:D2} {z}", Full()), new($"{s}/{y:D2}/{z}", Full()),
                    new($"{y:D2}-{z}", new(YearSeries, y, n)), new($"{y:D2}/{n}", new(YearSeries, y, n)),
                    new(z, Any()), new(N(n), Any()), new($"{s} {n}", new([s], null, n)),
                ]);
                break;
            case Series.IN:
                var fy2 = ((y + 1) % 100).ToString("D2", CultureInfo.InvariantCulture);
                var p5 = Pad(n, 5);
                forms.AddRange([
                    new($"IN/{y}-{fy2}/{n}", Full()), new($"IN-{y % 100:D2}{fy2}-{p5}", Full()), new($"{y}-{fy2}/{p5}", Full()),
                    new($"{p5}/{y}-{fy2}", Full()), new($"{y % 100:D2}-{fy2}/{n}", Full()), new($"IN {y}{fy2} {n}", Full()),
                    new($"IN/{p5}", new([s], null, n)), new($"IN {n}", new([s], null, n)), new(p5, Any()), new(N(n), Any()),
                ]);
                break;
            case Series.MXA or Series.MXB:
                var letter = s == Series.MXA ? "A" : "B";
                forms.AddRange([
                    new($"{letter}-{n}", Full()), new($"{letter}{n}", Full()), new($"{letter} {Pad(n, 6)}", Full()), new($"MX{letter}{n}", Full()),
                    new($"MX{letter} {n}", Full()), new(N(n), Any()), new(Pad(n, 6), Any()),
                ]);
                break;
            case Series.NF:
                var dotted = $"{n / 1000}.{n % 1000:D3}";
                forms.AddRange([
                    new($"NF {n}", Full()), new($"NF{Pad(n, 6)}", Full()), new($"NF-E {n}", Full()), new($"NF {dotted}", Full()), new($"NF-{n}", Full()),
                    new(N(n), Any()), new(dotted, Any()),
                ]);
                break;
            default:
                forms.AddRange([new($"NFS {n}", Full()), new($"NFSE {n}", Full()), new($"NFS-E {n}", Full()), new($"NFS{Pad(n, 5)}", Full()), new(N(n), Any())]);
                break;
        }
        return forms;
    }

    /// <summary>
    /// The number with a slip, in the issued layout: two digits swapped, one wrong, missing or
    /// extra; for an Indian invoice also the other fiscal year. Null when the slip changes nothing.
    /// </summary>
    public static Written? Slip(Invoice i, Random r)
    {
        if (i.Series == Series.IN && r.Chance(0.3))
        {
            var other = i.Year == 2026 ? 2025 : 2026;
            return new(Issued(Series.IN, other, i.Seq), new([Series.IN], other, i.Seq));
        }
        var digits = N(i.Seq).ToCharArray().ToList();
        switch (r.Next(4))
        {
            case 0 when digits.Count >= 2:
                var at = r.Next(digits.Count - 1);
                if (digits[at] == digits[at + 1]) return null;
                (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
                break;
            case 1:
                var pos = r.Next(digits.Count);
                var was = digits[pos];
                digits[pos] = (char)('0' + (was - '0' + r.Next(1, 10)) % 10);
                break;
            case 2 when digits.Count >= 3:
                digits.RemoveAt(r.Next(1, digits.Count));
                break;
            default:
                digits.Insert(r.Next(1, digits.Count + 1), (char)('0' + r.Next(10)));
                break;
        }
        var seq = int.Parse(new string([.. digits]), CultureInfo.InvariantCulture);
        if (seq == i.Seq || seq <= 0 || seq >= 1_000_000) return null;
        return new(Issued(i.Series, i.Year, seq), new([i.Series], i.Year, seq));
    }

    /// <summary>Whether two sequences are one slip apart (swap, wrong, missing or extra digit): a person would take one for the other.</summary>
    public static bool OneSlipApart(int a, int b)
    {
        var (x, y) = (N(a), N(b));
        if (x == y) return true;
        if (x.Length == y.Length)
        {
            var diff = Enumerable.Range(0, x.Length).Where(k => x[k] != y[k]).ToList();
            return diff.Count == 1 || (diff.Count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]);
        }
        var (longer, shorter) = x.Length > y.Length ? (x, y) : (y, x);
        return longer.Length == shorter.Length + 1 && Enumerable.Range(0, longer.Length).Any(k => longer.Remove(k, 1) == shorter);
    }

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Pad(int n, int width) => n.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>The open items at the start of the day by sequence: which invoices a written number could be.</summary>
internal sealed class Book
{
    private readonly Dictionary<int, List<Invoice>> _bySeq = [];

    public Book(IEnumerable<Invoice> invoices)
    {
        foreach (var i in invoices)
        {
            if (!_bySeq.TryGetValue(i.Seq, out var list)) _bySeq[i.Seq] = list = [];
            list.Add(i);
        }
    }

    public List<Invoice> Candidates(Reading reading) =>
        (_bySeq.GetValueOrDefault(reading.Seq) ?? [])
            .Where(i => (reading.Series is null || reading.Series.Contains(i.Series)) && (reading.Year is null || reading.Year == i.Year)).ToList();

    /// <summary>Whether a person reading the form would find exactly this invoice.</summary>
    public bool Names(Written written, Invoice invoice) => Candidates(written.Reading) is [var only] && only == invoice;

    /// <summary>Whether any digit group of a text could be read as one of our open numbers (any series).</summary>
    public bool AnyNumberIn(string text)
    {
        foreach (var group in System.Text.RegularExpressions.Regex.Matches(text, "[0-9]+").Select(m => m.Value))
            if (group.Length <= 7 && int.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && _bySeq.ContainsKey(n)) return true;
        return false;
    }
}
