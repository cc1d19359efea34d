using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching.Generators.UkIndiaLatam;

/// <summary>The payment rails the seller's banks receive on.</summary>
internal enum Rail { Bacs, Fps, Chaps, SwiftGbp, Sepa, SwiftUsd, Neft, Rtgs, Imps, Spei, Spid, Ted, Pix, Boleto, ZaEft, ZaRtc, Lockbox }

internal enum Lang { En, InEn, Es, Pt }

/// <summary>
/// A rail: its currency, who pays on it, which series it settles, how much of the payer's name
/// and text survives (BACS and Faster Payments 18 characters, SPEI 40, a South African EFT
/// reference 20, IMPS a 10-letter squeeze), whether it shouts, and how often the payer's
/// account is shown.
/// </summary>
internal sealed record RailSpec(Rail Rail, string Currency, Country[] Payers, Series[] Settles, int NameLimit, int TextLimit, bool Upper, double AccountShown)
{
    public bool Swift => Rail is Rail.SwiftGbp or Rail.SwiftUsd;

    public static readonly RailSpec[] All =
    [
        new(Rail.Bacs, "GBP", [Country.UK], [Series.GB1, Series.GB2], 18, 18, true, 1.0),
        new(Rail.Fps, "GBP", [Country.UK], [Series.GB1, Series.GB2], 18, 18, true, 1.0),
        new(Rail.Chaps, "GBP", [Country.UK], [Series.GB1, Series.GB2], 35, 70, true, 0.6),
        new(Rail.SwiftGbp, "GBP", [Country.IN, Country.ZA], [Series.GB1], 35, 140, true, 0.5),
        new(Rail.Sepa, "EUR", [Country.IE], [Series.GB1, Series.GB2], 70, 140, false, 1.0),
        new(Rail.SwiftUsd, "USD", [Country.IN, Country.ZA, Country.BR], [Series.GB1], 35, 140, true, 0.5),
        new(Rail.Neft, "INR", [Country.IN], [Series.IN], 35, 30, true, 0.0),
        new(Rail.Rtgs, "INR", [Country.IN], [Series.IN], 35, 35, true, 0.8),
        new(Rail.Imps, "INR", [Country.IN], [Series.IN], 10, 20, true, 0.0),
        new(Rail.Spei, "MXN", [Country.MX], [Series.MXA], 40, 40, true, 1.0),
        new(Rail.Spid, "USD", [Country.MX], [Series.MXB], 40, 40, true, 1.0),
        new(Rail.Ted, "BRL", [Country.BR], [Series.NF, Series.NFS], 30, 40, true, 1.0),
        new(Rail.Pix, "BRL", [Country.BR], [Series.NF, Series.NFS], 25, 60, true, 0.0),
        new(Rail.Boleto, "BRL", [Country.BR], [Series.NF, Series.NFS], 25, 15, true, 0.0),
        new(Rail.ZaEft, "ZAR", [Country.ZA], [Series.ZA1], 20, 20, true, 0.0),
        new(Rail.ZaRtc, "ZAR", [Country.ZA], [Series.ZA1], 30, 20, true, 0.0),
        new(Rail.Lockbox, "USD", [Country.US], [Series.GB1], 40, 0, false, 0.7),
    ];

    public static RailSpec Of(Rail rail) => All.First(r => r.Rail == rail);
}

/// <summary>What a payment means and how its payer wrote it, before the bank lays it out.</summary>
internal sealed record Intent(Truth Truth, decimal Amount, string Name, string Account, string Text)
{
    /// <summary>SPEI's seven-digit numeric reference.</summary>
    public string NumericRef { get; init; } = "";
    /// <summary>Whom a debtor says it pays for (camt UltmtDbtr).</summary>
    public string Ultimate { get; init; } = "";
    /// <summary>Charges taken by banks on the way (SWIFT), shown structured and, when <see cref="ChargesSaid"/>, in words.</summary>
    public decimal Charges { get; init; }
    public bool ChargesSaid { get; init; }
    public CamtInstructed? Instructed { get; init; }
    /// <summary>A lockbox stub's lines.</summary>
    public IReadOnlyList<(string Invoice, decimal? Amount)> Stub { get; init; } = [];
    /// <summary>The customer whose bank details the rail shows (IFSC, CNPJ); null for others.</summary>
    public Customer? Payer { get; init; }
}

/// <summary>What payers write, by language.</summary>
internal static class Words
{
    public static Lang Of(Rail rail, Country payer) => rail switch
    {
        Rail.Neft or Rail.Rtgs or Rail.Imps => Lang.InEn,
        Rail.Spei or Rail.Spid => Lang.Es,
        Rail.Ted or Rail.Pix or Rail.Boleto => Lang.Pt,
        Rail.SwiftGbp or Rail.SwiftUsd => payer switch { Country.IN => Lang.InEn, Country.BR => Lang.Pt, Country.MX => Lang.Es, _ => Lang.En },
        _ => Lang.En,
    };

    /// <summary>A word for "invoice" before a number that starts with a digit.</summary>
    public static string[] BeforeDigits(Lang lang) => lang switch
    {
        Lang.En => ["INV ", "INVOICE ", "INV NO ", "INV#", "", "REF ", "INV "],
        Lang.InEn => ["INV NO ", "BILL NO ", "AGAINST INV ", "TAX INV ", "INV ", "", "PYMT AGST INV "],
        Lang.Es => ["FACT ", "FACTURA ", "PAGO FACT ", "FOLIO ", "FAC ", "PAGO FACTURA ", ""],
        _ => ["PAGTO NF ", "NF ", "FATURA ", "PGTO FAT ", "REF ", ""],
    };

    /// <summary>… and before a number that starts with its prefix.</summary>
    public static string[] BeforePrefix(Lang lang) => lang switch
    {
        Lang.En => ["INV ", "", "PAYMENT ", "REF "],
        Lang.InEn => ["INV ", "", "BILL ", "AGAINST "],
        Lang.Es => ["PAGO ", "FACT ", "", "PAGO FACTURA "],
        _ => ["PAGTO ", "PGTO ", "REF ", ""],
    };

    public static string[] Filler(Lang lang) => lang switch
    {
        Lang.En => ["PAYMENT", "SUPPLIER PAYMENT", "NOV PAYMENT", "", "PAYMENT THANK YOU", "TRADE PAYMENT"],
        Lang.InEn => ["VENDOR PAYMENT", "PAYMENT", "", "BILL PAYMENT", "PYMT"],
        Lang.Es => ["PAGO PROVEEDOR", "PAGO", "ABONO", "", "PAGO A PROVEEDORES"],
        _ => ["PAGAMENTO", "PAGTO FORNECEDOR", "", "PGTO"],
    };

    public static string Several(Random r, Lang lang, IReadOnlyList<string> numbers, bool digits)
    {
        var (label, joiner, last) = lang switch
        {
            Lang.En => (r.Pick<string>(["INVS ", "INV ", ""]), r.Pick<string>([" ", ", ", "/"]), r.Pick<string>([" & ", " ", ", "])),
            Lang.InEn => (r.Pick<string>(["BILL NOS ", "INV ", "AGST INV "]), r.Pick<string>([",", ", ", "/"]), r.Pick<string>([" & ", ",", " AND "])),
            Lang.Es => (r.Pick<string>(["FACTS ", "FACTURAS ", "PAGO FACT "]), r.Pick<string>([", ", " "]), r.Pick<string>([" Y ", ", "])),
            _ => (r.Pick<string>(["NOTAS ", "PAGTO NF ", "FATURAS "]), r.Pick<string>([", ", "/", " "]), r.Pick<string>([" E ", ", "])),
        };
        if (!digits) label = lang switch { Lang.Es => "PAGO ", Lang.Pt => "PAGTO ", _ => "" };
        return label + string.Join(joiner, numbers.Take(numbers.Count - 1)) + last + numbers[^1];
    }

    public static string Reason(Random r, Lang lang, string creditNote) => lang switch
    {
        Lang.En => r.Pick<string>(["LESS DAMAGED GOODS", "LESS DAMAGE", "SHORT SUPPLY", "LESS FREIGHT", "LESS LATE DELIVERY", "LESS RETENTION", "DISPUTED ITEM DEDUCTED", $"LESS CN {creditNote}"]),
        Lang.InEn => r.Pick<string>(["LESS LD", "LESS LD CHARGES", "SHORT SUPPLY DEDUCTED", "LESS PENALTY", "LESS DEBIT NOTE", "LESS RETENTION"]),
        Lang.Es => r.Pick<string>(["DESCUENTO POR DAÑO", "DESC DAÑO", "FALTANTE", $"MENOS NC {creditNote}", "DESC PRONTO PAGO", "RETENCIÓN"]),
        _ => r.Pick<string>(["DESCONTO AVARIA", "DESC AVARIA", "ABATIMENTO", "DESC DEVOLUÇÃO", "RETENÇÃO ISS", "DESC PONTUALIDADE"]),
    };

    /// <summary>Reasons squeezed into an 18- or 20-character reference.</summary>
    public static string[] ShortReasons(Lang lang) => lang switch
    {
        Lang.Es => ["DESC DANO", "FALTANTE"],
        Lang.Pt => ["AVARIA", "ABATIM"],
        _ => ["LESS DMG", "SHORT SUPP", "LESS CN", "LESS FRT"],
    };

    public static string Partial(Random r, Lang lang, int i, int k) => lang switch
    {
        Lang.En => r.Pick<string>(["PART PAYMENT", $"PART PMT {i}/{k}", $"INSTALMENT {i} OF {k}", $"{i}/{k}"]),
        Lang.InEn => r.Pick<string>(["PART PAYMENT", $"{i}/{k} INSTALMENT", "PART PMT", $"INSTL {i}/{k}"]),
        Lang.Es => r.Pick<string>(["PAGO PARCIAL", $"PARCIALIDAD {i} DE {k}", $"ABONO PARCIAL {i}/{k}"]),
        _ => r.Pick<string>([$"PARCELA {i}/{k}", $"{i}A PARCELA", $"PARC {i} DE {k}", "PAGTO PARCIAL"]),
    };

    public static string Over(Random r, Lang lang) => lang switch
    {
        Lang.En => r.Pick<string>(["", "INCL ADVANCE", "BAL ON ACCOUNT"]),
        Lang.InEn => r.Pick<string>(["", "PLUS ADVANCE", "BAL ADV"]),
        Lang.Es => r.Pick<string>(["", "Y ANTICIPO", "MAS ANTICIPO"]),
        _ => r.Pick<string>(["", "E ADIANTAMENTO", "MAIS ADIANT"]),
    };

    public static string Po(Random r, Lang lang, string po) => lang switch
    {
        Lang.En => r.Pick<string>([$"PO {po}", $"PO NO {po}", $"ORDER {po}", po]),
        Lang.InEn => r.Pick<string>([$"AGAINST PO {po}", $"PO NO {po}", $"P.O. {po}", po]),
        Lang.Es => r.Pick<string>([po, $"ORDEN {po}", $"PEDIDO {po}"]),
        _ => r.Pick<string>([$"PEDIDO {po}", po, $"REF {po}"]),
    };

    public static string Voucher(Random r, Lang lang)
    {
        var n = r.Next(1_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return lang switch
        {
            Lang.En => r.Pick<string>([$"PAYMENT ADVICE {n}", $"PMT RUN {n}", $"REMIT {n}"]),
            Lang.InEn => r.Pick<string>([$"PAYMENT ADVICE NO PA/{n}", $"VOUCHER {n}", $"PV NO {n}"]),
            Lang.Es => r.Pick<string>([$"ORDEN DE PAGO {n}", $"OP {n}", $"SOLICITUD {n}"]),
            _ => r.Pick<string>([$"DOC {n}", $"ORDEM PAGTO {n}", $"AP {n}"]),
        };
    }

    public static string CustomerNumber(Random r, Lang lang, string id)
    {
        var digits = id[(id.IndexOf('-') + 1)..];
        return lang switch
        {
            Lang.En => r.Pick<string>([$"CUST NO {id}", $"A/C {digits}", $"ACCOUNT {id}", $"CUSTOMER {digits}"]),
            Lang.InEn => r.Pick<string>([$"CUST CODE {digits}", $"CUSTOMER ID {id}", $"A/C NO {digits}"]),
            Lang.Es => r.Pick<string>([$"CLIENTE {digits}", $"NO CLIENTE {id}", $"NUM CLIENTE {digits}"]),
            _ => r.Pick<string>([$"COD CLIENTE {digits}", $"CLIENTE {id}", $"CODIGO {id}"]),
        };
    }

    public static string Group(Random r, Lang lang) => lang switch
    {
        Lang.En => r.Pick<string>(["GROUP PAYMENT", "GROUP TREASURY", ""]),
        Lang.InEn => r.Pick<string>(["GROUP PAYMENT", "PAYMENT", ""]),
        Lang.Es => r.Pick<string>(["PAGO CORPORATIVO", "PAGO GRUPO", ""]),
        _ => r.Pick<string>(["PAGTO GRUPO", "PAGAMENTO", ""]),
    };
}
