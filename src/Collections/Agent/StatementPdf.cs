using System.Globalization;
using ArPlatform.SharedKernel;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.WPFonts;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// A statement of account (the open invoices, as the statement letter lists them) or one
/// invoice's copy as a PDF, written with PDFsharp from the same <see cref="AccountFacts"/> the
/// reply's text comes from.
/// </summary>
public static class StatementPdf
{
    private const double Margin = 50;
    private static readonly object FontGate = new();

    public static byte[] Statement(AccountFacts facts) =>
        Write($"Statement of account as of {facts.AsOf.ToText()}", facts, [.. facts.OpenInvoices], withTotals: true);

    public static byte[] InvoiceCopy(AccountFacts facts, InvoiceFact invoice) =>
        Write($"Invoice {invoice.Number}", facts, [invoice], withTotals: false);

    private static byte[] Write(string title, AccountFacts facts, IReadOnlyList<InvoiceFact> invoices, bool withTotals)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var page = document.AddPage();
        var gfx = XGraphics.FromPdfPage(page);
        var heading = new XFont(EmbeddedFonts.Family, 16, XFontStyleEx.Bold);
        var bold = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Bold);
        var body = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Regular);
        var y = Margin;
        gfx.DrawString(title, heading, XBrushes.Black, Margin, y);
        y += 24;
        gfx.DrawString($"{facts.CustomerName} ({facts.CustomerNumber})", body, XBrushes.Black, Margin, y);
        y += 24;
        string[] columns = ["Invoice", "Invoice date", "Due date", "Status", "Total", "Open amount"];
        double[] x = [Margin, Margin + 120, Margin + 200, Margin + 280, Margin + 360, Margin + 440];
        for (var c = 0; c < columns.Length; c++) gfx.DrawString(columns[c], bold, XBrushes.Black, x[c], y);
        y += 14;
        foreach (var i in invoices)
        {
            if (y > page.Height.Point - Margin)
            {
                page = document.AddPage();
                gfx.Dispose();
                gfx = XGraphics.FromPdfPage(page);
                y = Margin;
            }
            string[] cells = [i.Number, i.InvoiceDate.ToText(), i.DueDate.ToText(), i.Status, Amount(i.Total, i.Currency), Amount(i.Open, i.Currency)];
            for (var c = 0; c < cells.Length; c++) gfx.DrawString(cells[c], body, XBrushes.Black, x[c], y);
            y += 13;
        }
        if (withTotals)
        {
            y += 10;
            foreach (var b in facts.Balances)
            {
                gfx.DrawString($"Total open: {Amount(b.Open, b.Currency)}   of which overdue: {Amount(b.Overdue, b.Currency)}", bold, XBrushes.Black, Margin, y);
                y += 14;
            }
        }
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    internal static string Amount(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{new Money(amount, Currency.Of(currency)).FormatAmount()} {currency}");

    /// <summary>PDFsharp's core build has no system fonts: the fonts its own package ships, set once per process.</summary>
    private static void EnsureFonts()
    {
        lock (FontGate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts) GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "Segoe WP";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "SegoeWP-Bold" : "SegoeWP", mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[]? GetFont(string faceName) => faceName == "SegoeWP-Bold" ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
    }
}
