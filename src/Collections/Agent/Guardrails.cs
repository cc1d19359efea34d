using System.Text.RegularExpressions;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// What a person must answer, whatever the model thinks: a request to change bank details
/// (the usual fraud), legal language, an angry or threatening tone, a dispute, a change to the
/// customer's master data, anything the agent has no template for, and anything the model is
/// not sure of. The language rules stand beside the model so that a mail it misreads is still
/// caught.
/// </summary>
public static partial class Guardrails
{
    public const string BankDetailsChange = "BANK_DETAILS_CHANGE";
    public const string LegalLanguage = "LEGAL_LANGUAGE";
    public const string AngryTone = "ANGRY_TONE";
    public const string LowConfidence = "LOW_CONFIDENCE";

    public static IReadOnlyList<string> EscalationReasons(IReadOnlyList<ScoredIntent> intents, string subject, string text, double confidenceBar)
    {
        var reasons = new List<string>();
        var all = subject + "\n" + text;
        if (intents.Any(i => i.Intent == Proto.MessageIntent.BankDetailsChange) || BankChange().IsMatch(all)) reasons.Add(BankDetailsChange);
        if (intents.Any(i => i.Intent == Proto.MessageIntent.LegalOrEscalation) || Legal().IsMatch(all)) reasons.Add(LegalLanguage);
        if (Angry().IsMatch(all) || Shouting(text)) reasons.Add(AngryTone);
        if (DisputeWords().IsMatch(text)) reasons.Add("DISPUTE");
        foreach (var i in intents.Where(i => i.Intent is Proto.MessageIntent.Dispute or Proto.MessageIntent.ContactUpdate or Proto.MessageIntent.Other))
            reasons.Add(i.Intent == Proto.MessageIntent.Other ? "NOT_ROUTINE" : IntentNames.Name(i.Intent));
        if (intents.Count == 0 || intents[0].Confidence < confidenceBar) reasons.Add(LowConfidence);
        return [.. reasons.Distinct()];
    }

    /// <summary>Intents a person always answers.</summary>
    public static bool Escalates(Proto.MessageIntent intent) => intent is Proto.MessageIntent.BankDetailsChange or Proto.MessageIntent.LegalOrEscalation
        or Proto.MessageIntent.Dispute or Proto.MessageIntent.ContactUpdate or Proto.MessageIntent.Other;

    /// <summary>Half or more of a mail's letters in capitals, over a sentence's worth: shouting.</summary>
    private static bool Shouting(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count >= 40 && letters.Count(char.IsUpper) * 2 >= letters.Count;
    }

    [GeneratedRegex(@"\b(new|changed?|updated?|different)\s+(bank(ing)?|account|remittance|payment)\s*(details|account|information|info|instructions)|\bbank\s*(details|account)\s+(have|has)\s+changed|\b(IBAN|SWIFT|routing number|account number)\b.{0,40}\b(changed|new|update)|\bneue\s+bankverbindung|\bbankverbindung\s+(hat sich|ge)ändert|\bnueva\s+cuenta\s+bancaria|\bcambio\s+de\s+(cuenta|datos)\s+bancari", RegexOptions.IgnoreCase)]
    private static partial Regex BankChange();

    [GeneratedRegex(@"\b(lawyers?|attorneys?|solicitors?|counsel|legal action|legal proceedings|lawsuit|sue|suing|court|litigation|insolvency|insolvent|bankruptcy|chapter 11|administrator|receivership|liquidation|liquidator|small claims|cease and desist|formal complaint|complaint (with|to)|file (a|an) (formal )?complaint|ombudsman|regulator|trading standards|better business bureau|consumer protection|escalat(e|ed|ing|ion) (this|it|the matter|matters)?\s*(to|with)|anwalt|anwältin|rechtsanwalt|gericht|klage|mahnverfahren|insolvenz|beschwerde|abogad[oa]s?|tribunal(es)?|demanda|insolvencia|concurso de acreedores|avocat|huissier|mise en demeure|plainte|advogad[oa]s?|processo judicial|procon|advocaat|avvocat[oi])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Legal();

    [GeneratedRegex(@"\b(dispute[ds]?|disputing|disagree|incorrect|wrong(ly)? (charged|billed|invoiced|amount|price|rate|quantity)|overcharg(e|ed|es|ing)|billed twice|charged twice|double[- ]charged|duplicate (invoice|charge|billing)|(is a )?duplicate of|please correct|correct(ed)? (the |this |our )?invoice|credit (us|the difference)|(only|but) (\d+ )?(arrived|received|delivered|got|turned up)|(never|not) (received|delivered|ordered)|(did not|didn't|never) (order|receive|agree)|damaged|defective|broken|crushed|faulty|credit note|pricing error|does not match|doesn't match|not what (we|was) agreed|(will not|won't|refuse to|are not going to|am not|are not|not) pay(ing)? (this|these|it|that|the (invoice|balance|difference))|withh(e|o)ld(ing)? (payment|the payment)|short[- ]?paid|still (being |getting )?(invoiced|charged|billed)|(do not|don't|does not|doesn't|cannot|can't) agree|not in agreement|by our (own )?(count|records|calculations?|reconciliation)|(was|were|has been|have been|had been) (cancell?ed|credited|returned)|pas d'accord|nicht einverstanden|não concordamos|reklamation|fehlerhaft|beschädigt|falsch(e|en)?\s+(preis|menge|betrag)\w*|widersprechen|nicht (geliefert|erhalten|bestellt)|gutschrift|reclamaci[oó]n|no estamos de acuerdo|incorrect[oa]|error en|no recibimos|nota de cr[eé]dito|no vamos a pagar|contest(e|ons)|litige|non conforme|factura(do)? en exceso|cobrado (dos veces|de más)|cobrança indevida|não (recebemos|encomendamos)|avariad[oa]|nota de crédito)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DisputeWords();

    [GeneratedRegex(@"\b(unacceptable|ridiculous|outrageous|disgrace(ful)?|furious|appalled|incompetent|harass(ing|ment)?|scam|fraudsters?|last warning|stop (sending|harassing|emailing)|worst|fed up|sick of|inakzeptabel|unverschämt|frechheit|lächerlich|inaceptable|vergüenza|indignante|ridículo)\b|!{3,}", RegexOptions.IgnoreCase)]
    private static partial Regex Angry();
}

/// <summary>An intent the model found and how sure it is.</summary>
public readonly record struct ScoredIntent(Proto.MessageIntent Intent, double Confidence);
