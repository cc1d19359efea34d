namespace ArPlatform.Collections.Agent;

public sealed class SpanishWording : ReplyWording
{
    public override string Language => "es";
    public override string Greeting(string contactName) => contactName.Length > 0 ? $"Estimado/a {contactName}:" : "Hola:";
    public override string NoOpenBalance(string asOf, string account) => $"A fecha {asOf} su cuenta {account} no tiene saldo pendiente.";
    public override string OpenBalanceIs(string asOf, string account) => $"A fecha {asOf} el saldo pendiente de su cuenta {account} es:";
    public override string OfWhichOverdue(string open, string overdue) => $"{open}, de los cuales {overdue} están vencidos";
    public override string StatementAttached(string asOf, int openInvoices) =>
        $"Le adjuntamos su extracto de cuenta a fecha {asOf}, con {openInvoices} factura{(openInvoices == 1 ? "" : "s")} pendiente{(openInvoices == 1 ? "" : "s")}.";
    public override string PaidInFull(string number, string total, string due) => $"La factura {number} ({total}, vencimiento {due}) está pagada en su totalidad. Gracias.";
    public override string Open(string number, string status, string open, string total, string due, int daysOverdue) =>
        $"De la factura {number} quedan pendientes {open} de {total}, con vencimiento {due}{(daysOverdue > 0 ? $" ({daysOverdue} días de retraso)" : "")}.";
    public override string CopiesAttached(IReadOnlyList<string> numbers) =>
        $"Le adjuntamos copia de {(numbers.Count == 1 ? "la factura" : "las facturas")} {string.Join(", ", numbers)}.";
    public override string WhichInvoice => "¿Podría indicarnos el número de la factura de la que necesita copia? Figura en nuestro extracto o en nuestros recordatorios.";
    public override string NotFound(string written) =>
        $"No encontramos ninguna factura \"{written}\" en su cuenta; ¿podría enviarnos el número completo tal como aparece en la factura?";
    public override string NeverChangeBankDetails =>
        "Importante: nunca cambiamos nuestros datos bancarios por correo electrónico. Si recibe un mensaje que le pida pagar en otra cuenta, no pague y llámenos.";
    public override string PromiseNoted(string? date) =>
        $"Gracias por indicarnos cuándo tienen previsto pagar{(date is null ? "" : $" (el {date})")}. Lo hemos anotado en su cuenta.";
    public override string TaxFormAttached(string fileName) => $"Le adjuntamos nuestro formulario fiscal ({fileName}).";
    public override string RemittanceThanks => "Gracias por el aviso de pago. Aplicaremos el pago a las facturas indicadas en cuanto llegue a nuestra cuenta.";
    public override string Closing => "Atentamente,";
    public override string WriteFromRegisteredAddress =>
        "Gracias por su mensaje. Para proteger las cuentas de nuestros clientes solo tratamos datos de una cuenta con los contactos " +
        "registrados en ella. Escríbanos de nuevo desde su dirección de correo registrada, o pida al administrador de su cuenta que registre esta dirección.";
}

public sealed class GermanWording : ReplyWording
{
    public override string Language => "de";
    public override string Greeting(string contactName) => contactName.Length > 0 ? $"Guten Tag {contactName}," : "Guten Tag,";
    public override string NoOpenBalance(string asOf, string account) => $"Zum {asOf} weist Ihr Konto {account} keinen offenen Saldo auf.";
    public override string OpenBalanceIs(string asOf, string account) => $"Zum {asOf} beträgt der offene Saldo Ihres Kontos {account}:";
    public override string OfWhichOverdue(string open, string overdue) => $"{open}, davon {overdue} überfällig";
    public override string StatementAttached(string asOf, int openInvoices) =>
        $"Anbei erhalten Sie Ihren Kontoauszug zum {asOf} mit {openInvoices} offenen Rechnung{(openInvoices == 1 ? "" : "en")}.";
    public override string PaidInFull(string number, string total, string due) => $"Die Rechnung {number} ({total}, fällig am {due}) ist vollständig bezahlt. Vielen Dank.";
    public override string Open(string number, string status, string open, string total, string due, int daysOverdue) =>
        $"Von der Rechnung {number} sind {open} von {total} offen, fällig am {due}{(daysOverdue > 0 ? $" ({daysOverdue} Tage überfällig)" : "")}.";
    public override string CopiesAttached(IReadOnlyList<string> numbers) =>
        $"Anbei erhalten Sie eine Kopie {(numbers.Count == 1 ? "der Rechnung" : "der Rechnungen")} {string.Join(", ", numbers)}.";
    public override string WhichInvoice => "Könnten Sie uns die Nummer der Rechnung nennen, von der Sie eine Kopie benötigen? Sie steht auf unserem Kontoauszug und unseren Mahnungen.";
    public override string NotFound(string written) =>
        $"Eine Rechnung \"{written}\" finden wir auf Ihrem Konto nicht; könnten Sie uns die vollständige Nummer senden, wie sie auf der Rechnung steht?";
    public override string NeverChangeBankDetails =>
        "Bitte beachten Sie: Wir ändern unsere Bankverbindung niemals per E-Mail. Erhalten Sie eine Nachricht, die Sie auffordert, auf ein anderes Konto zu zahlen, zahlen Sie nicht und rufen Sie uns an.";
    public override string PromiseNoted(string? date) =>
        $"Vielen Dank für Ihre Nachricht, wann Sie zahlen werden{(date is null ? "" : $" (am {date})")}. Wir haben es auf Ihrem Konto vermerkt.";
    public override string TaxFormAttached(string fileName) => $"Anbei erhalten Sie unser Steuerformular ({fileName}).";
    public override string RemittanceThanks => "Vielen Dank für das Zahlungsavis. Wir ordnen die Zahlung den genannten Rechnungen zu, sobald sie auf unserem Konto eingeht.";
    public override string Closing => "Mit freundlichen Grüßen";
    public override string WriteFromRegisteredAddress =>
        "Vielen Dank für Ihre Nachricht. Zum Schutz der Konten unserer Kunden besprechen wir Kontodaten nur mit den für ein Konto " +
        "hinterlegten Kontakten. Bitte schreiben Sie uns erneut von Ihrer hinterlegten E-Mail-Adresse, oder bitten Sie Ihren Kontoverwalter, diese Adresse bei uns zu hinterlegen.";
}

public sealed class FrenchWording : ReplyWording
{
    public override string Language => "fr";
    public override string Greeting(string contactName) => contactName.Length > 0 ? $"Bonjour {contactName}," : "Bonjour,";
    public override string NoOpenBalance(string asOf, string account) => $"Au {asOf}, votre compte {account} ne présente aucun solde ouvert.";
    public override string OpenBalanceIs(string asOf, string account) => $"Au {asOf}, le solde ouvert de votre compte {account} est de :";
    public override string OfWhichOverdue(string open, string overdue) => $"{open}, dont {overdue} échus";
    public override string StatementAttached(string asOf, int openInvoices) =>
        $"Veuillez trouver ci-joint votre relevé de compte au {asOf}, avec {openInvoices} facture{(openInvoices == 1 ? "" : "s")} ouverte{(openInvoices == 1 ? "" : "s")}.";
    public override string PaidInFull(string number, string total, string due) => $"La facture {number} ({total}, échéance {due}) est entièrement payée. Merci.";
    public override string Open(string number, string status, string open, string total, string due, int daysOverdue) =>
        $"Sur la facture {number}, {open} sur {total} restent ouverts, échéance {due}{(daysOverdue > 0 ? $" ({daysOverdue} jours de retard)" : "")}.";
    public override string CopiesAttached(IReadOnlyList<string> numbers) =>
        $"Veuillez trouver ci-joint une copie {(numbers.Count == 1 ? "de la facture" : "des factures")} {string.Join(", ", numbers)}.";
    public override string WhichInvoice => "Pourriez-vous nous indiquer le numéro de la facture dont vous avez besoin d'une copie ? Il figure sur notre relevé ou nos relances.";
    public override string NotFound(string written) =>
        $"Nous ne trouvons pas de facture \"{written}\" sur votre compte ; pourriez-vous nous envoyer son numéro complet tel qu'il figure sur la facture ?";
    public override string NeverChangeBankDetails =>
        "Important : nous ne modifions jamais nos coordonnées bancaires par e-mail. Si vous recevez un message vous demandant de payer sur un autre compte, ne payez pas et appelez-nous.";
    public override string PromiseNoted(string? date) =>
        $"Merci de nous avoir indiqué quand vous prévoyez de payer{(date is null ? "" : $" (le {date})")}. Nous l'avons noté sur votre compte.";
    public override string TaxFormAttached(string fileName) => $"Veuillez trouver ci-joint notre formulaire fiscal ({fileName}).";
    public override string RemittanceThanks => "Merci pour l'avis de paiement. Nous imputerons le paiement aux factures indiquées dès qu'il parviendra sur notre compte.";
    public override string Closing => "Cordialement,";
    public override string WriteFromRegisteredAddress =>
        "Merci pour votre message. Pour protéger les comptes de nos clients, nous ne communiquons les informations d'un compte qu'aux " +
        "contacts enregistrés sur celui-ci. Merci de nous écrire à nouveau depuis votre adresse enregistrée, ou de demander à l'administrateur de votre compte d'enregistrer cette adresse.";
}
