namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Proposes where a payment goes, deterministically and with reasons. In order of strength:
/// the invoice numbers (or PO numbers) the payer remitted, exactly or one slip apart; else,
/// once the payer is known (by a bank account learned from confirmed matches, or by name), one
/// open invoice of exactly the amount (or the amount less its early-payment discount), or one
/// combination of their oldest open invoices that sums to it. Each proposal states what it rests
/// on (<see cref="MatchEvidence"/>), and its confidence is what the <see cref="ConfidenceModel"/>
/// learned such evidence is worth. A proposal applies on its own only at the model's validated bar
/// (or the policy's) and clearly ahead of the next: a wrong application is worse than none.
/// </summary>
public static class MatchingEngine
{
    private sealed record Payer(string CustomerId, decimal Confidence, string Reason, PayerEvidence Evidence, decimal NameScore = 0m)
    {
        /// <summary>Known by name alone, not by a bank account that paid them before.</summary>
        public bool ByName => Evidence is PayerEvidence.SameName or PayerEvidence.AlikeName or PayerEvidence.SharedName;
    }

    /// <param name="model">How sure each proposal is, from its evidence: the shipped model unless given one.</param>
    public static MatchDecision Decide(PaymentToMatch payment, MatchIndex index, MatchPolicy policy, ConfidenceModel? model = null)
    {
        model ??= ConfidenceModel.Shipped;
        // No field names the payer (or only a department): the text may, as a person would read it there.
        var unnamed = payment.PayerName.Length == 0 || PayerNames.IsDepartment(payment.PayerName);
        var inText = unnamed ? index.NameInText(payment.Text) : null;
        if (inText is not null) payment = payment with { PayerName = inText.Written };
        bool Eligible(OpenInvoice i) => i.Currency == payment.Currency;
        // Searching every customer's name is the costly step: done only when a proposal needs it.
        var payers = new Lazy<List<Payer>>(() => IdentifyPayers(payment, inText, index, policy));
        var proposals = FromRemittance(payment, unnamed, inText, index, Eligible, payers, policy).ToList();
        if (proposals.Count == 0)
            foreach (var payer in payers.Value)
                proposals.AddRange(FromAmount(payment, index, index.OfCustomer(payer.CustomerId).Where(Eligible).ToList(), payer, policy));

        var ranked = proposals
            .Select(p => p with { Confidence = model.Confidence(p.Evidence) })
            .OrderByDescending(p => p.Confidence)
            .ThenBy(p => p.Allocations.Count)
            .ThenBy(p => string.Join(",", p.Allocations.Select(a => a.InvoiceId)), StringComparer.Ordinal)
            .ToList();
        var clear = MayApplyAlone(ranked, policy.AutoApplyMargin) && ranked[0].Confidence >= (policy.AutoApplyThreshold ?? model.AutoApplyThreshold);
        return new MatchDecision(ranked, clear ? ranked[0] : null);
    }

    /// <summary>
    /// Whether the first of the ranked proposals may apply without a person at a bar its
    /// confidence meets: the rules allow its evidence, and it is <paramref name="margin"/> ahead of the next.
    /// </summary>
    public static bool MayApplyAlone(IReadOnlyList<MatchProposal> ranked, decimal margin) =>
        ranked.Count > 0 && RulesAllow(ranked[0]) && (ranked.Count == 1 || ranked[1].Confidence <= ranked[0].Confidence - margin);

    /// <summary>
    /// Evidence the rules never let apply alone, however sure the model is: a slip that neither
    /// the payer's account nor their name corroborates (nor an amount only that invoice has), an
    /// invoice of another customer than the one the payer looks like (numbers are dense: a typo is
    /// often someone else's real invoice), a name several customers share, a shortfall with no
    /// reason from a payer nobody knows, numbers found alone in the text that do not
    /// account for the amount (others in the text may be what it pays) from a payer nobody knows,
    /// an account paying under another name, an amount alone that is not unique or is a round sum,
    /// far more than the invoices named. The model says how sure a
    /// proposal is and may hold one back; it learned from generated payments, where such evidence
    /// is right more often than it would be on a stranger's data.
    /// </summary>
    public static bool RulesAllow(MatchProposal proposal)
    {
        var e = proposal.Evidence;
        var payerKnown = e.Payer is PayerEvidence.KnownAccount or PayerEvidence.SameName or PayerEvidence.AlikeName;
        return e.Payer is not (PayerEvidence.AnotherCustomer or PayerEvidence.SharedName or PayerEvidence.AccountUnderAnotherName)
               && !(e.Reference == ReferenceEvidence.Slip && !payerKnown)
               && !(e.Amount == AmountEvidence.ShortUnexplained && !payerKnown)
               && !(e.Reference == ReferenceEvidence.NumberInText && e.Amount != AmountEvidence.Exact && !payerKnown)
               && !(e.Reference == ReferenceEvidence.None && (!e.Unique || e.RoundSum))
               && !(e.Amount == AmountEvidence.Over && !e.Unique);
    }

    /// <summary>
    /// Who may have paid: a bank account seen on their confirmed payments, a payer name a person
    /// taught, or a name like theirs.
    /// A name singles a customer out when it is theirs (or theirs cut short by the bank) and no
    /// other customer's name is alike; then it is as strong as the name is close. A name alike
    /// several customers' says less of each.
    /// </summary>
    private static List<Payer> IdentifyPayers(PaymentToMatch payment, NameInText? inText, MatchIndex index, MatchPolicy policy)
    {
        var payers = new List<Payer>();
        // "ACCOUNTS PAYABLE", "Kreditorenbuchhaltung": a department names no company, so says nothing against the account.
        var named = payment.PayerName.Length > 0 && !PayerNames.IsDepartment(payment.PayerName);
        if (index.CustomerOfBankAccount(payment.PayerAccount) is { } known)
        {
            // An account that paid them before, under a name that is not theirs (nor one a person
            // taught for them): a payment factory or a parent paying for several companies.
            var another = named && index.NamesOf(known).Count > 0
                          && !NameOf(payment, inText, index, known, policy).Agrees && index.CustomerOfPayerName(payment.PayerName) != known;
            payers.Add(another
                ? new Payer(known, 0.9m, KnownAccount(payment) + $", but under the name '{payment.PayerName}', not theirs", PayerEvidence.AccountUnderAnotherName)
                : new Payer(known, 0.98m, KnownAccount(payment), PayerEvidence.KnownAccount));
        }
        // A person's word that this name is theirs counts as much as an account seen paying them:
        // both are a payer known from confirmed applications.
        if (index.CustomerOfPayerName(payment.PayerName) is { } taught && payers.All(p => p.CustomerId != taught))
            payers.Add(new Payer(taught, 0.98m, TaughtName(payment), PayerEvidence.KnownAccount));
        // The customer number they quote as their own: the payer says who they are, as surely as an account seen paying them.
        if (index.CustomerQuoted(payment.Text) is { } quoted && payers.All(p => p.CustomerId != quoted.CustomerId))
            payers.Add(new Payer(quoted.CustomerId, 0.98m, QuotedNumber(quoted.Written), PayerEvidence.KnownAccount));
        if (named) payers.AddRange((inText is null ? ByName(payment, index, policy) : InText(inText, index)).Where(p => payers.All(known => known.CustomerId != p.CustomerId)));
        return payers.OrderByDescending(p => p.Confidence).ThenBy(p => p.CustomerId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The customers whose name (any they pay under) is like the payer's. A name singles a
    /// customer out when it is theirs (or theirs cut short by the bank) and no other customer's
    /// name is alike — or, among several alike, when it is exactly one of them, legal form and
    /// all ("GALLI TRASPORTI S.P.A." is not Galli Trasporti S.r.l.). A name alike several
    /// customers' says less of each.
    /// </summary>
    private static IEnumerable<Payer> ByName(PaymentToMatch payment, MatchIndex index, MatchPolicy policy)
    {
        var similar = index.SimilarNames(payment.PayerName, policy.NameThreshold);
        // A name cut short by the bank is theirs even where too little of it is left to score alike.
        var alike = similar.Concat(index.NamesCutTo(payment.PayerName)
                .Select(c => (Customer: c, Score: NameSimilarity.Score(payment.PayerName, c.Name))))
            .Select(c => (c.Customer, c.Score, Same: NameSimilarity.IsSameName(payment.PayerName, c.Customer.Name)))
            .GroupBy(c => c.Customer.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.Same).ThenByDescending(c => c.Score).First())
            .ToList();
        if (alike.Count > 1 && NameSimilarity.ExactlyOne(payment.PayerName, alike.Select(a => a.Customer).ToList()) is { } exact)
        {
            var score = alike.First(a => a.Customer.Id == exact.Id).Score;
            yield return new Payer(exact.Id, NameAlone, $"payer name '{payment.PayerName}' is exactly '{exact.Name}', legal form and all, "
                + $"unlike the {alike.Count - 1} other customer name(s) alike", PayerEvidence.SameName, score);
            yield break;
        }
        foreach (var (customer, score, same) in alike)
        {
            var confidence = alike.Count == 1 && same ? 1m : alike.Count == 1 ? score : 0.9m * score;
            var evidence = alike.Count > 1 ? PayerEvidence.SharedName : same ? PayerEvidence.SameName : PayerEvidence.AlikeName;
            yield return new Payer(customer.Id, Math.Round(Math.Min(confidence, NameAlone), 3), AlikeName(payment, customer.Name, score, same)
                + (alike.Count == 1 ? ", and no other customer's name is alike" : $", as {alike.Count - 1} other customer name(s) are"), evidence, score);
        }
    }

    /// <summary>
    /// The customers whose name the payment's text holds: the one it is, when it is one customer's
    /// alone; each less surely when it is the start of several.
    /// </summary>
    private static IEnumerable<Payer> InText(NameInText inText, MatchIndex index)
    {
        var only = inText.Customers.Count == 1;
        foreach (var customer in inText.Customers)
        {
            var score = NameSimilarity.Score(inText.Written, customer.Name);
            yield return only
                ? new Payer(customer.Id, NameAlone, $"the payment's text names '{inText.Written}', which is '{customer.Name}' and no other customer", PayerEvidence.SameName, score)
                : new Payer(customer.Id, Math.Round(0.9m * score, 3), $"the payment's text names '{inText.Written}', which may be '{customer.Name}' as it may be "
                    + $"{inText.Customers.Count - 1} other customer name(s)", PayerEvidence.SharedName, score);
        }
    }

    /// <summary>A name is never as sure as a bank account that paid the customer before.</summary>
    private const decimal NameAlone = 0.98m;

    /// <summary>The invoices the payer named: each remittance reference found by invoice number (exactly or one slip apart) or PO.</summary>
    private static IEnumerable<MatchProposal> FromRemittance(
        PaymentToMatch payment, bool unnamed, NameInText? inText, MatchIndex index, Func<OpenInvoice, bool> eligible, Lazy<List<Payer>> payers, MatchPolicy policy)
    {
        var found = new List<(OpenInvoice Invoice, decimal Open, decimal? Paid, string Reason, ReferenceEvidence Kind)>();
        foreach (var line in payment.Remittance)
        {
            var hits = Find(line.Reference, line.PaidAmount ?? payment.Amount, index, eligible, payers);
            if (hits.Count != 1) continue; // not found, or ambiguous: no basis for this line
            var (invoice, reason, kind) = hits[0];
            if (found.All(f => f.Invoice.Id != invoice.Id)) found.Add((invoice, index.OpenAmount(invoice), line.PaidAmount, reason, kind));
        }
        // A number standing alone in the text ("GUTSCHRIFT 4307689") that is exactly one open invoice's: when nothing the
        // remittance names is open, or beside what it names, of the same customer ("4312052 factuurnummer4312053").
        var namedCustomer = found.Count > 0 ? found[0].Invoice.CustomerId : null;
        foreach (var number in TextNumbers.Find(payment.Text))
        {
            var hits = ExactlyNumbered(number, index, eligible, payers);
            // Written exactly as issued, series and all ("OBI:=GH/26/01441"), it is a reference like any other; a bare number may be anything's.
            if (hits.Count == 1 && found.All(f => f.Invoice.Id != hits[0].Id) && (namedCustomer is null || hits[0].CustomerId == namedCustomer))
                found.Add((hits[0], index.OpenAmount(hits[0]), null, $"the number '{number}' in the payment's text is invoice {hits[0].Number}",
                    InvoiceNumbers.AsIssued(number, hits[0].Number) ? ReferenceEvidence.Exact : ReferenceEvidence.NumberInText));
        }
        // A short number ("6282 less CN-001296") only as an open invoice of a customer the payer is said to be — by their
        // account, a taught or quoted name or number, their name in a field or the text, or the start of it ("HUNTER VALLEY CI 4399").
        foreach (var number in TextNumbers.FindShort(payment.Text))
        {
            var theirs = Numbered(number, InvoiceNumbers.Keys(number), index, eligible).Exact
                .Where(i => Agreement(payment, unnamed, inText, index, i.CustomerId, policy) is { Reason: not null, Kind: not PayerEvidence.SharedName }).ToList();
            if (theirs.Count == 1 && found.All(f => f.Invoice.Id != theirs[0].Id) && (namedCustomer ??= theirs[0].CustomerId) == theirs[0].CustomerId)
                found.Add((theirs[0], index.OpenAmount(theirs[0]), null, $"the number '{number}' in the payment's text is invoice {theirs[0].Number} of the payer", ReferenceEvidence.NumberInText));
        }
        if (found.Count == 0) yield break;
        var customers = found.Select(f => f.Invoice.CustomerId).Distinct().ToList();
        if (customers.Count > 1) yield break; // one payment, several customers' invoices: a person decides

        var allocations = new List<Allocation>();
        var left = payment.Amount;
        foreach (var (invoice, open, paid, _, _) in found)
        {
            var wanted = Math.Min(paid ?? open, open);
            var take = Math.Min(wanted, left);
            if (take <= 0m) break;
            allocations.Add(new Allocation(invoice.Id, invoice.Number, take, open));
            left -= take;
        }
        var claimed = found.Sum(f => Math.Min(f.Paid ?? f.Open, f.Open));
        var (outcome, difference) = payment.Amount == claimed ? (MatchOutcome.Full, 0m)
            : payment.Amount < claimed ? (MatchOutcome.ShortPay, claimed - payment.Amount)
            : (MatchOutcome.OverPay, payment.Amount - claimed);
        // More than the invoices named: the rest is often invoices the remittance left out (a
        // bank cut the text short, the payer listed only the first). When it is exactly one set of
        // the same customer's other open invoices, those are what it pays; several such sets, and
        // the rest may be any of them.
        var rest = outcome == MatchOutcome.OverPay ? Rest(index, customers[0], found.Select(f => f.Invoice.Id).ToHashSet(), eligible, difference, policy) : null;
        if (rest is { Count: 1 } completion)
        {
            allocations.AddRange(completion[0].Select(c => new Allocation(c.Invoice.Id, c.Invoice.Number, c.Open, c.Open)));
            (outcome, difference, claimed) = (MatchOutcome.Full, 0m, payment.Amount);
        }
        // Paying far more than the invoices named (more again than they are) is not an over-payment
        // but invoices the remittance did not list, or lost when the bank cut it: a person finds them.
        var farOver = outcome == MatchOutcome.OverPay && difference > claimed;
        var anySlip = found.Any(f => f.Kind == ReferenceEvidence.Slip);
        var reasonGiven = payment.Remittance.Any(r => r.AdjustmentReason.Length > 0) || ShortPayReasonText.Find(payment.Text).Length > 0
                          || PartPaymentText.Says(payment.Text);
        // Whether the payer is the invoices' customer: their known account, or a name like theirs …
        var (agreement, agreeingAs, nameScore) = Agreement(payment, unnamed, inText, index, customers[0], policy);
        var payerAgrees = agreement is not null;
        // … or someone else we know (only then are all customers' names searched).
        // An account that pays under a name not its customer's is a payment factory's or a parent's: it may pay for this customer too.
        // A parent company paying its subsidiary's invoices is no stranger to them: the customer list says whose parent it is.
        var parent = payerAgrees ? null : payers.Value.FirstOrDefault(p => index.IsParentOf(p.CustomerId, customers[0]));
        var other = payerAgrees ? null : payers.Value.FirstOrDefault(p => p.CustomerId != customers[0] && p.Evidence != PayerEvidence.AccountUnderAnotherName
                                                                          && !index.IsParentOf(p.CustomerId, customers[0]));
        // A slipped reference alone is a guess; with the exact amount from the invoice's own
        // customer (named or known by account) it is corroborated twice over.
        // The amount corroborates only when no other open invoice of that customer has it.
        var corroborated = anySlip && outcome == MatchOutcome.Full && payerAgrees
                           && index.OfCustomer(customers[0]).Count(i => eligible(i) && index.OpenAmount(i) == payment.Amount) <= found.Count;
        var confidence = (!anySlip ? 0.99m : corroborated ? 0.96m : 0.93m) - (outcome == MatchOutcome.Full ? 0m : 0.02m);
        var reasons = found.Select(f => f.Reason).ToList();
        if (rest is { Count: 1 })
            reasons.Add($"the rest is exactly invoice(s) {string.Join(", ", rest[0].Select(c => c.Invoice.Number))} of the same customer, which the remittance did not name, and no other set of their open invoices");
        else if (rest is { Count: > 1 })
        {
            confidence -= 0.08m;
            reasons.Add("the rest could be any of several sets of the customer's other open invoices");
        }
        if (corroborated) reasons.Add(agreement!);
        if (parent is not null && other is null) reasons.Add($"paid by {index.NameOf(parent.CustomerId)}, their parent company ({parent.Reason})");
        // Numbers are dense: a mistyped reference is often another customer's real invoice.
        if (other is not null)
        {
            confidence = Math.Min(confidence, 0.85m);
            reasons.Add($"but the payer looks like another customer ({other.Reason})");
        }
        // Less than the invoice with no reason given, or more remitted for it than it has open,
        // from a payer not recognised: perhaps the wrong invoice.
        var unexplainedShortfall = allocations.Any(a => a.Shortfall > 0m) && !reasonGiven && !payerAgrees;
        var overclaimed = found.Any(f => f.Paid > f.Open) && !payerAgrees;
        if (unexplainedShortfall || overclaimed)
        {
            confidence -= 0.05m;
            reasons.Add(unexplainedShortfall
                ? "less than the invoice, with no reason given and a payer not recognised"
                : "more remitted for an invoice than it has open, from a payer not recognised");
        }
        if (farOver)
        {
            confidence -= 0.1m;
            reasons.Add("more than twice what the remittance names: perhaps invoices it does not list");
        }
        reasons.Add(outcome switch
        {
            MatchOutcome.Full => $"the payment equals what the remittance settles ({claimed:0.00} {payment.Currency})",
            MatchOutcome.ShortPay => $"short by {difference:0.00} {payment.Currency} against the remittance",
            _ => $"{difference:0.00} {payment.Currency} more than the remittance: the rest on account",
        });
        var reference = anySlip ? ReferenceEvidence.Slip
            : found.All(f => f.Kind == ReferenceEvidence.PurchaseOrder) ? ReferenceEvidence.PurchaseOrder
            : found.All(f => f.Kind == ReferenceEvidence.NumberInText) ? ReferenceEvidence.NumberInText : ReferenceEvidence.Exact;
        var amount = outcome switch
        {
            MatchOutcome.Full when rest is { Count: 1 } => AmountEvidence.RestIsOpenInvoices,
            MatchOutcome.Full when allocations.All(a => a.Shortfall <= 0m) => AmountEvidence.Exact,
            MatchOutcome.OverPay => AmountEvidence.Over,
            // Short against the remittance, or paying what the remittance says yet less than the invoice.
            _ => reasonGiven ? AmountEvidence.ShortWithReason : AmountEvidence.ShortUnexplained,
        };
        // A slip the amount cannot corroborate is no better than one from a payer nobody knows.
        var payer = other is not null ? PayerEvidence.AnotherCustomer : anySlip && !corroborated && outcome == MatchOutcome.Full ? PayerEvidence.Unknown : agreeingAs;
        yield return new MatchProposal(customers[0], allocations, outcome, difference, confidence, reasons,
            new MatchEvidence(reference, payer, amount, Unique: rest is not { Count: > 1 } && !farOver, RoundSum: false, nameScore, allocations.Count, confidence));
    }

    /// <summary>
    /// The sets (one to <see cref="MatchPolicy.CombinationSize"/> invoices) of the customer's other
    /// open invoices that make exactly the rest, at most two (enough to tell one from several);
    /// none when the customer has more open invoices than the search looks through.
    /// </summary>
    private static List<IReadOnlyList<(OpenInvoice Invoice, decimal Open)>>? Rest(
        MatchIndex index, string customerId, HashSet<string> named, Func<OpenInvoice, bool> eligible, decimal rest, MatchPolicy policy)
    {
        var others = index.OfCustomer(customerId).Where(i => eligible(i) && !named.Contains(i.Id)).Select(i => (Invoice: i, Open: index.OpenAmount(i))).ToList();
        if (others.Count == 0 || others.Count > policy.CombinationCandidates) return null;
        var sets = Combinations(others, rest, policy.CombinationSize, fewest: 1).Take(2).ToList();
        return sets.Count == 0 ? null : sets;
    }

    /// <summary>Why the payer is this customer (their account, or their name), or null when nothing says so.</summary>
    private static (string? Reason, PayerEvidence Kind, decimal NameScore) Agreement(
        PaymentToMatch payment, bool unnamed, NameInText? inText, MatchIndex index, string customerId, MatchPolicy policy)
    {
        if (index.CustomerOfBankAccount(payment.PayerAccount) == customerId) return (KnownAccount(payment), PayerEvidence.KnownAccount, 0m);
        if (index.CustomerOfPayerName(payment.PayerName) == customerId) return (TaughtName(payment), PayerEvidence.KnownAccount, 0m);
        if (index.CustomerQuoted(payment.Text) is { } quoted && quoted.CustomerId == customerId) return (QuotedNumber(quoted.Written), PayerEvidence.KnownAccount, 0m);
        // No field names the payer and the text names no customer outright, but it starts this one's name.
        if (unnamed && inText is null)
            return index.TextNames(payment.Text, customerId)
                ? ($"the payment's text starts the name '{index.NameOf(customerId)}'", PayerEvidence.AlikeName, 0m)
                : (null, PayerEvidence.Unknown, 0m);
        if (payment.PayerName.Length == 0) return (null, PayerEvidence.Unknown, 0m);
        var (agrees, score, same, name) = NameOf(payment, inText, index, customerId, policy);
        if (!agrees) return (null, PayerEvidence.Unknown, score);
        if (inText is not null)
            return inText.Customers.Count == 1
                ? ($"the payment's text names '{inText.Written}', which is '{name}'", PayerEvidence.SameName, score)
                : ($"the payment's text names '{inText.Written}', which may be '{name}' as it may be {inText.Customers.Count - 1} other customer name(s)", PayerEvidence.SharedName, score);
        return (AlikeName(payment, name, score, same), same ? PayerEvidence.SameName : PayerEvidence.AlikeName, score);
    }

    /// <summary>
    /// Whether the payer's name says they are this customer: alike enough to a name they pay
    /// under, or the same (perhaps cut short); the closest of their names.
    /// </summary>
    private static (bool Agrees, decimal Score, bool Same, string Name) NameOf(PaymentToMatch payment, NameInText? inText, MatchIndex index, string customerId, MatchPolicy policy) =>
        inText is not null
            ? inText.Customers.FirstOrDefault(c => c.Id == customerId) is { } named
                ? (true, NameSimilarity.Score(inText.Written, named.Name), true, named.Name)
                : (false, 0m, false, "")
            : index.NamesOf(customerId)
            .Select(name => (Score: NameSimilarity.Score(payment.PayerName, name), Same: NameSimilarity.IsSameName(payment.PayerName, name), Name: name))
            .Select(n => (Agrees: n.Score >= policy.NameThreshold || n.Same, n.Score, n.Same, n.Name))
            .OrderByDescending(n => n.Agrees).ThenByDescending(n => n.Same).ThenByDescending(n => n.Score)
            .FirstOrDefault((false, 0m, false, ""));

    private static List<(OpenInvoice Invoice, string Reason, ReferenceEvidence Kind)> Find(
        string reference, decimal amount, MatchIndex index, Func<OpenInvoice, bool> eligible, Lazy<List<Payer>> payers)
    {
        var keys = InvoiceNumbers.Keys(reference);
        var (exact, contradicted) = Numbered(reference, keys, index, eligible);
        var byPo = index.ByPo(reference).Where(eligible).Where(i => !exact.Contains(i)).ToList();
        var hits = exact.Select(i => (i, $"remittance '{reference}' is invoice {i.Number}", ReferenceEvidence.Exact))
            .Concat(byPo.Select(i => (i, $"remittance '{reference}' is the PO of invoice {i.Number}", ReferenceEvidence.PurchaseOrder)))
            .ToList();
        // A reference naming an invoice already settled is not a slip for its neighbour: the payer may be paying it twice.
        if (hits.Count == 0 && !index.Knows(reference))
            hits = keys.SelectMany(index.OneSlipFrom).Where(eligible).Distinct()
                .Select(i => (i, $"remittance '{reference}' is one digit slip from invoice {i.Number}", ReferenceEvidence.Slip)).ToList();
        if (hits.Count == 0)
            hits = contradicted.Select(i => (i, $"remittance '{reference}' ends as invoice {i.Number} does, but names another year or series", ReferenceEvidence.Slip)).ToList();
        hits = OfIdentifiedPayer(hits, h => h.i.CustomerId, payers);
        // … or the one whose open amount is what was paid: the reference alone did not pin it, so it
        // counts as a slip would, sure only when the payer is theirs too.
        if (hits.Count > 1)
        {
            var same = hits.Where(h => index.OpenAmount(h.i) == amount).ToList();
            if (same.Count == 1) hits = [(same[0].i, same[0].Item2 + $", the only one of {hits.Count} it may be open for {amount:0.00}", ReferenceEvidence.Slip)];
        }
        return hits;
    }

    /// <summary>
    /// Open invoices whose number is the one written, and those found by its last digits alone
    /// whose other groups name another year or series ("GH/25/01579" is not "EF/26/01579"): no more than a slip.
    /// </summary>
    private static (List<OpenInvoice> Exact, List<OpenInvoice> Contradicted) Numbered(
        string written, IReadOnlyList<string> keys, MatchIndex index, Func<OpenInvoice, bool> eligible)
    {
        var exact = keys.SelectMany(index.ByNumberKey).Where(eligible).Distinct().ToList();
        var contradicted = exact.Where(i => InvoiceNumbers.Contradicts(written, i.Number)).ToList();
        exact.RemoveAll(contradicted.Contains);
        // Series numbered alike ("AB/26/01985", "EF/26/01985"): the one whose letters were written too.
        if (exact.Count > 1 && InvoiceNumbers.Series(written) is { Length: > 0 } series
            && exact.Where(i => InvoiceNumbers.Series(i.Number) == series).ToList() is [var same])
            exact = [same];
        return (exact, contradicted);
    }

    /// <summary>Several answers to one reference: the identified payer's, if exactly one is theirs; else all of them.</summary>
    private static List<T> OfIdentifiedPayer<T>(List<T> hits, Func<T, string> customerOf, Lazy<List<Payer>> payers)
    {
        if (hits.Count <= 1 || payers.Value.Count == 0) return hits;
        var theirs = hits.Where(h => customerOf(h) == payers.Value[0].CustomerId).ToList();
        return theirs.Count == 1 ? theirs : hits;
    }

    /// <summary>Open invoices whose number is exactly the one written (no slips, no POs), narrowed to the identified payer's.</summary>
    private static List<OpenInvoice> ExactlyNumbered(string number, MatchIndex index, Func<OpenInvoice, bool> eligible, Lazy<List<Payer>> payers) =>
        OfIdentifiedPayer(Numbered(number, InvoiceNumbers.Keys(number), index, eligible).Exact, i => i.CustomerId, payers);

    /// <summary>No usable remittance: one invoice of the amount (or of it less the discount), or one combination summing to it.</summary>
    private static IEnumerable<MatchProposal> FromAmount(PaymentToMatch payment, MatchIndex index, List<OpenInvoice> theirs, Payer payer, MatchPolicy policy)
    {
        var exact = theirs.Where(i => index.OpenAmount(i) == payment.Amount).ToList();
        // A round sum from someone whose name is only like a customer's, or through an account under
        // another name, may as well be another's: the amount is little evidence then.
        var round = payer.Evidence is PayerEvidence.AlikeName or PayerEvidence.SharedName or PayerEvidence.AccountUnderAnotherName
                    && payment.Amount % 100m == 0m;
        foreach (var invoice in exact)
            yield return Single(payer, invoice, payment.Amount, 0m, exact.Count > 1 ? 0.6m : round ? 0.94m : 0.97m, AmountEvidence.Exact, exact.Count == 1,
                exact.Count > 1 ? $"one of {exact.Count} open invoices of exactly this amount"
                : $"the only open invoice of exactly {payment.Amount:0.00} {payment.Currency}" + (round ? ", a round sum anyone might pay" : ""));
        if (exact.Count > 0) yield break;

        var discounted = theirs.Where(i => i.DiscountAmount is { } d && i.DiscountDate is { } by && payment.BookingDate <= by
                                            && index.OpenAmount(i) == i.OpenAmount && i.OpenAmount - d == payment.Amount).ToList();
        foreach (var invoice in discounted)
            yield return Single(payer, invoice, payment.Amount, invoice.DiscountAmount!.Value, discounted.Count == 1 ? 0.95m : 0.6m,
                AmountEvidence.Discount, discounted.Count == 1,
                $"invoice {invoice.Number} less its early-payment discount of {invoice.DiscountAmount:0.00} (paid by {invoice.DiscountDate:yyyy-MM-dd})");
        if (discounted.Count > 0) yield break;

        // A discount the payer says they took ("abzgl. 2 % Skonto"), whatever the terms allow: what is short is theirs to explain, and they did.
        if (StatedDiscount.Percent(payment.Text) is { } percent)
        {
            var stated = theirs.Where(i => StatedDiscount.LeavesToPay(index.OpenAmount(i), percent).Contains(payment.Amount)).ToList();
            foreach (var invoice in stated)
            {
                var open = index.OpenAmount(invoice);
                var confidence = Math.Round(payer.Confidence * (stated.Count == 1 ? 0.95m : 0.6m), 3);
                yield return new MatchProposal(payer.CustomerId, [new Allocation(invoice.Id, invoice.Number, payment.Amount, open)], MatchOutcome.ShortPay,
                    open - payment.Amount, confidence,
                    [payer.Reason, $"invoice {invoice.Number} less the {percent:0.##} % discount the payer says they took" + (stated.Count == 1 ? ", the only one it fits" : $", as {stated.Count - 1} other(s) would")],
                    Evidence(payer, AmountEvidence.ShortWithReason, stated.Count == 1, 1, confidence));
            }
            if (stated.Count > 0) yield break;
        }

        var candidates = theirs.Take(policy.CombinationCandidates).Select(i => (Invoice: i, Open: index.OpenAmount(i))).ToList();
        var combinations = Combinations(candidates, payment.Amount, policy.CombinationSize).Take(3).ToList();
        // One combination among all the payer's open invoices is an answer; among only the oldest of them, a guess.
        var unique = combinations.Count == 1 && theirs.Count <= policy.CombinationCandidates;
        foreach (var combination in combinations)
        {
            var confidence = Math.Round(payer.Confidence * (unique ? 0.97m : 0.6m), 3);
            yield return new MatchProposal(payer.CustomerId,
                combination.Select(c => new Allocation(c.Invoice.Id, c.Invoice.Number, c.Open, c.Open)).ToList(), MatchOutcome.Full, 0m, confidence,
                [payer.Reason, unique
                    ? $"invoices {string.Join(", ", combination.Select(c => c.Invoice.Number))} together make exactly {payment.Amount:0.00} {payment.Currency}, and no other combination of their open invoices does"
                    : combinations.Count == 1
                        ? $"invoices {string.Join(", ", combination.Select(c => c.Invoice.Number))} make exactly the amount, among the {policy.CombinationCandidates} oldest of their {theirs.Count} open invoices"
                        : $"invoices {string.Join(", ", combination.Select(c => c.Invoice.Number))} make exactly the amount, as do other combinations"],
                Evidence(payer, AmountEvidence.Combination, unique, combination.Count, confidence));
        }

        MatchProposal Single(Payer who, OpenInvoice invoice, decimal amount, decimal discount, decimal factor, AmountEvidence kind, bool only, string reason)
        {
            var confidence = Math.Round(who.Confidence * factor, 3);
            return new(who.CustomerId, [new Allocation(invoice.Id, invoice.Number, amount, index.OpenAmount(invoice), discount)], MatchOutcome.Full, 0m,
                confidence, [who.Reason, reason], Evidence(who, kind, only, 1, confidence));
        }

        MatchEvidence Evidence(Payer who, AmountEvidence kind, bool only, int invoices, decimal ruleScore) =>
            new(ReferenceEvidence.None, who.Evidence, kind, only, round, who.NameScore, invoices, ruleScore);
    }

    /// <summary>Combinations of <paramref name="fewest"/> (two unless told) to <paramref name="size"/> invoices summing exactly to the amount, oldest first.</summary>
    private static IEnumerable<IReadOnlyList<(OpenInvoice Invoice, decimal Open)>> Combinations(
        List<(OpenInvoice Invoice, decimal Open)> invoices, decimal amount, int size, int fewest = 2)
    {
        var chosen = new List<(OpenInvoice Invoice, decimal Open)>();
        IEnumerable<IReadOnlyList<(OpenInvoice Invoice, decimal Open)>> Search(int from, decimal left)
        {
            if (left == 0m && chosen.Count >= fewest) { yield return chosen.ToList(); yield break; }
            if (chosen.Count == size || left <= 0m) yield break;
            for (var i = from; i < invoices.Count; i++)
            {
                if (invoices[i].Open > left || invoices[i].Open <= 0m) continue;
                chosen.Add(invoices[i]);
                foreach (var found in Search(i + 1, left - invoices[i].Open)) yield return found;
                chosen.RemoveAt(chosen.Count - 1);
            }
        }
        return Search(0, amount);
    }

    private static string KnownAccount(PaymentToMatch payment) =>
        $"bank account ending {Last4(payment.PayerAccount)} paid this customer's invoices before";

    private static string TaughtName(PaymentToMatch payment) =>
        $"payer name '{payment.PayerName}' was applied to this customer by a person before";

    private static string AlikeName(PaymentToMatch payment, string name, decimal score, bool same = false) =>
        same ? $"payer name '{payment.PayerName}' is '{name}'" : $"payer name '{payment.PayerName}' resembles '{name}' ({score:0.00})";

    private static string QuotedNumber(string written) => $"the payment's text quotes '{written}', this customer's number";

    private static string Last4(string account) => account.Length <= 4 ? account : account[^4..];
}
