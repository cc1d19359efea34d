using System.Globalization;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// ANSI X12 820 payment orders / remittance advices (any version, any delimiters): each ST…SE is
/// one payment — BPR amount, direction and date, TRN trace number, N1*PR payer (else N1*RM), and
/// per RMR a remittance line (qualifier IV/PO/AP/…, reference, paid, invoice and discount amounts)
/// with the ADX adjustments after it (amount and reason, e.g. a deduction). Envelope counts must
/// tie: SE01 segments, GE01 transaction sets, IEA01 groups, and SE02/GE02/IEA02 control numbers
/// must match their headers. Remittance totals are not forced to the BPR amount: a short-pay is
/// exactly that, and matching decides what it means.
/// </summary>
public static class Edi820Parser
{
    public static IEnumerable<BankTransaction> Parse(TextReader reader) => Parse(X12Segments.Read(reader), "");

    /// <summary>From segments already split (an 820 inside NACHA CTX addenda), for an account the carrier names.</summary>
    public static IEnumerable<BankTransaction> Parse(IEnumerable<X12Segment> segments, string account)
    {
        X12Segment? isa = null, gs = null, st = null;
        var groups = 0;
        var sets = 0;
        var inSet = 0;
        Payment? payment = null;
        foreach (var segment in segments)
        {
            if (st is not null) inSet++;
            switch (segment.Id)
            {
                case "ISA":
                    isa = segment;
                    groups = 0;
                    break;
                case "GS":
                    gs = segment;
                    sets = 0;
                    groups++;
                    break;
                case "ST":
                    if (segment[1] != "820") throw new BankFileFormatException(segment.Line, $"transaction set {segment[1]} is not an 820");
                    st = segment;
                    inSet = 1;
                    // Without BPR16 or a DTM the payment is dated by its group (GS04), else its interchange (ISA09).
                    payment = new Payment(segment.Line, Payment.Date(gs, 4) ?? Payment.Date(isa, 9));
                    sets++;
                    break;
                case "SE":
                    if (st is null || payment is null) throw new BankFileFormatException(segment.Line, "SE without ST");
                    CheckCount(segment, 1, inSet, "segments in the transaction set");
                    CheckControl(segment, 2, st[2], "ST02");
                    yield return payment.ToTransaction(account);
                    st = null;
                    payment = null;
                    break;
                case "GE":
                    if (gs is null) throw new BankFileFormatException(segment.Line, "GE without GS");
                    CheckCount(segment, 1, sets, "transaction sets in the group");
                    CheckControl(segment, 2, gs[6], "GS06");
                    gs = null;
                    break;
                case "IEA":
                    if (isa is null) throw new BankFileFormatException(segment.Line, "IEA without ISA");
                    CheckCount(segment, 1, groups, "functional groups in the interchange");
                    CheckControl(segment, 2, isa[13], "ISA13");
                    isa = null;
                    break;
                default:
                    if (payment is null) throw new BankFileFormatException(segment.Line, $"segment {segment.Id} outside a transaction set");
                    payment.Add(segment);
                    break;
            }
        }
        if (st is not null) throw new BankFileFormatException(st.Line, "transaction set without its SE trailer");
        if (gs is not null || isa is not null) throw new BankFileFormatException((gs ?? isa)!.Line, "interchange without its GE/IEA trailers");
    }

    private static void CheckCount(X12Segment trailer, int element, int actual, string what)
    {
        if (!int.TryParse(trailer[element], NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != actual)
            throw new BankFileFormatException(trailer.Line, $"{trailer.Id}{element:D2} says {trailer[element]} {what}; there are {actual}");
    }

    /// <summary>Control numbers are compared as numbers: "0001203" and "000001203" are the same set.</summary>
    private static void CheckControl(X12Segment trailer, int element, string header, string headerName)
    {
        var same = long.TryParse(trailer[element], out var a) && long.TryParse(header, out var b) ? a == b : trailer[element] == header;
        if (!same)
            throw new BankFileFormatException(trailer.Line, $"{trailer.Id}{element:D2} control number {trailer[element]} does not match {headerName} {header}");
    }

    private sealed class Payment(int line, DateOnly? envelopeDate)
    {
        private readonly List<RemittanceLine> _lines = [];
        private X12Segment? _bpr;
        private string _trace = "";
        private string _payer = "";
        private string _remitter = "";
        private string _payerAccount = "";
        private DateOnly? _date;

        public void Add(X12Segment segment)
        {
            switch (segment.Id)
            {
                case "BPR":
                    _bpr = segment;
                    // BPR09/BPR15: the originating and receiving accounts; BPR16 the effective date.
                    _payerAccount = segment[9];
                    _date = Date(segment, 16);
                    break;
                case "TRN":
                    _trace = segment[2];
                    break;
                case "DTM" when _date is null && segment[1] is "097" or "009":
                    _date = Date(segment, 2);
                    break;
                // N1*PR names the payer, N1*RM the party that remits for it (standing in when no
                // payer is named); N1*PE is the payee, us. The heading's names come first.
                case "N1" when segment[1] == "PR" && _payer.Length == 0:
                    _payer = segment[2];
                    break;
                case "N1" when segment[1] == "RM" && _remitter.Length == 0:
                    _remitter = segment[2];
                    break;
                case "RMR":
                    _lines.Add(new RemittanceLine(segment[1], segment[2], Decimal(segment, 4), Decimal(segment, 5), Decimal(segment, 6)));
                    break;
                case "ADX":
                    var amount = Decimal(segment, 1);
                    // An adjustment belongs to the remittance line before it, or stands alone.
                    if (_lines.Count > 0 && _lines[^1].AdjustmentReason.Length == 0)
                        _lines[^1] = _lines[^1] with { AdjustmentReason = segment[2], AdjustmentAmount = amount };
                    else
                        _lines.Add(new RemittanceLine("ADX", segment[4], AdjustmentReason: segment[2], AdjustmentAmount: amount));
                    break;
            }
        }

        public BankTransaction ToTransaction(string account)
        {
            if (_bpr is null) throw new BankFileFormatException(line, "820 without a BPR payment segment");
            var amount = Decimal(_bpr, 2) ?? throw new BankFileFormatException(_bpr.Line, "BPR02 amount is missing");
            return new BankTransaction
            {
                Format = BankFileFormat.Edi820,
                LineNumber = line,
                AccountId = account.Length > 0 ? account : _bpr[15],
                Currency = "USD",
                Amount = amount,
                // BPR03: C credit to the payee, D debit.
                Direction = _bpr[3] == "D" ? Direction.Debit : Direction.Credit,
                BookingDate = _date ?? envelopeDate ?? throw new BankFileFormatException(_bpr.Line, "no payment date (BPR16, DTM, GS04 or ISA09)"),
                BankReference = _trace,
                TypeCode = $"{_bpr[4]}/{_bpr[5]}".Trim('/'),
                PayerName = _payer.Length > 0 ? _payer : _remitter,
                PayerAccount = _payerAccount,
                Remittance = _lines,
                Text = string.Join(" ", _lines.Select(l => $"{l.Qualifier} {l.Reference}")),
            };
        }

        private static decimal? Decimal(X12Segment segment, int element)
        {
            var text = segment[element];
            if (text.Length == 0) return null;
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new BankFileFormatException(segment.Line, $"{segment.Id}{element:D2} '{text}' is not an amount");
        }

        /// <summary>An element's date: CCYYMMDD, or YYMMDD in the ISA and older groups; null when absent or not a date.</summary>
        public static DateOnly? Date(X12Segment? segment, int element)
        {
            if (segment is null) return null;
            var text = segment[element];
            return BankFileDate.Parse(text, text.Length == 6 ? "yyMMdd" : "yyyyMMdd", segment.Line, $"{segment.Id}{element:D2} date");
        }
    }
}
