namespace ArPlatform.Bench.ReplyAgent.Corpus;

/// <summary>
/// How customers ask, per intent, in English, Spanish and German: each a sentence or two with
/// slots ({inv} an invoice reference, {amt} an amount, {date} a date, {po} a purchase order).
/// Every fifth phrasing of an intent is held out: it appears only in the test split, so the
/// evaluation scores wording the model never saw.
/// </summary>
public static class Phrasings
{
    public static readonly IReadOnlyDictionary<string, string[]> ByIntent = new Dictionary<string, string[]>
    {
        ["BALANCE_INQUIRY"] =
        [
            "What do we owe you as of today?", "Could you tell me our current balance?", "How much is outstanding on our account?",
            "Can you confirm the total amount we owe?", "Please let me know our open balance so I can plan the payment run.",
            "We are closing our books, what is the outstanding balance on our side?", "What is the total due on our account right now?",
            "Can you send me the balance of our account?", "How much do we still have to pay you?", "Please confirm how much is open on our account.",
            "¿Podrían indicarnos el saldo pendiente de nuestra cuenta?", "¿Cuánto les debemos a día de hoy?", "Necesitamos saber el importe total pendiente.",
            "Wie hoch ist unser aktueller offener Saldo?", "Können Sie uns den offenen Betrag auf unserem Konto mitteilen?", "Was schulden wir Ihnen derzeit?",
            "Quick question: what's our balance with you?", "Need the amount we currently owe for our accruals.",
        ],
        ["STATEMENT_REQUEST"] =
        [
            "Please send us a statement of account.", "Could you email me an updated statement?", "Can we get a copy of our account statement?",
            "Please provide a statement listing all open items.", "Our auditors need a statement of our account with you, please.",
            "Would you send the latest customer statement?", "Can I get a statement of open invoices?", "Kindly forward a current statement for reconciliation.",
            "We need an account statement for our year-end reconciliation.", "Send me the statement please.",
            "Por favor, envíennos un extracto de cuenta.", "¿Nos pueden mandar el estado de cuenta actualizado?", "Necesitamos un extracto con las partidas abiertas.",
            "Bitte senden Sie uns einen Kontoauszug.", "Könnten Sie uns eine aktuelle Saldenbestätigung schicken?", "Wir benötigen eine Aufstellung der offenen Posten.",
            "Could you send an open item statement for our reconciliation?", "Statement of account needed for month end, thanks.",
        ],
        ["PAYMENT_STATUS"] =
        [
            "Can you check whether invoice {inv} has been paid?", "What is the status of invoice {inv}?", "Is {inv} still open on your side?",
            "Could you confirm if our payment for {inv} was received?", "Has invoice {inv} been settled?", "Please check the payment status of {inv}.",
            "Our system shows {inv} as paid, can you confirm on your end?", "Is there anything still due on {inv}?", "Did you receive payment for invoice {inv}?",
            "Can you tell me how much is left open on {inv}?", "¿Nos confirman si la factura {inv} está pagada?", "¿Cuál es el estado de la factura {inv}?",
            "Ist die Rechnung {inv} bereits beglichen?", "Können Sie bitte prüfen, ob unsere Zahlung für {inv} eingegangen ist?",
            "Wie ist der Status der Rechnung {inv}?", "Just checking if {inv} shows as paid in your records.", "When is {inv} due and is it still open?",
        ],
        ["INVOICE_COPY"] =
        [
            "Could you resend invoice {inv}?", "Please send us a copy of invoice {inv}.", "We cannot find invoice {inv}, can you send it again?",
            "Can I get a PDF of {inv}?", "Please re-send {inv}, it never reached our AP inbox.", "Would you mind sending a duplicate of invoice {inv}?",
            "We need a copy of {inv} for our records.", "Please email the invoice {inv} again, the attachment was missing.", "Send invoice {inv} again please.",
            "¿Podrían reenviarnos la factura {inv}?", "Necesitamos una copia de la factura {inv}.", "Bitte senden Sie uns eine Kopie der Rechnung {inv}.",
            "Können Sie die Rechnung {inv} erneut schicken?", "Our approver needs the original invoice {inv}, could you forward it?",
            "Please send a copy of the invoice for PO {po}.", "Missing invoice {inv} in our system, please resend.",
        ],
        ["REMITTANCE_ADVICE"] =
        [
            "Please find below our remittance: {amt} paid for invoice {inv}.", "We have paid {amt} today covering {inv}.", "Payment of {amt} was sent by wire for {inv}.",
            "Remittance advice: {amt} transferred on {date} for invoices {inv}.", "This is to advise that we released payment of {amt} for {inv}.",
            "We processed a payment of {amt} for {inv} in our last payment run.", "The transfer of {amt} for {inv} went out yesterday.",
            "Attached is the remittance for our payment of {amt}.", "We paid {inv} in full, {amt}, reference {inv}.", "Payment advice: {amt} sent to your account for {inv}.",
            "Les informamos que hemos transferido {amt} para la factura {inv}.", "Hemos realizado el pago de {amt} correspondiente a {inv}.",
            "Wir haben heute {amt} für die Rechnung {inv} überwiesen.", "Zahlungsavis: {amt} für {inv} wurde angewiesen.",
            "FYI we wired {amt} this morning against {inv}.", "Our payment run on {date} included {amt} for {inv}.",
        ],
        ["PROMISE_TO_PAY"] =
        [
            "We will pay invoice {inv} on {date}.", "Payment of {amt} will be made {date}.", "We'll pay the outstanding amount {date}.",
            "Our next payment run is {date}, {inv} will be included.", "We plan to settle {inv} by {date}.", "Expect payment of {amt} {date}.",
            "We can pay {amt} {date} and the rest next month.", "The invoice is approved and will be paid {date}.", "We intend to transfer {amt} {date}.",
            "You will receive the payment for {inv} {date}.", "Pagaremos la factura {inv} {date}.", "Realizaremos el pago de {amt} {date}.",
            "Wir werden die Rechnung {inv} {date} bezahlen.", "Die Zahlung von {amt} erfolgt {date}.", "Promise: {amt} will hit your account {date}.",
            "Payment for {inv} is scheduled for {date}.", "We'll get {inv} paid {date}, sorry for the delay.",
        ],
        ["DISPUTE"] =
        [
            "Invoice {inv} is wrong: we were charged for 10 units but received 8.", "We dispute invoice {inv}, the price does not match our PO {po}.",
            "The amount on {inv} is incorrect, we agreed a discount.", "We never received the goods billed on {inv}.", "Invoice {inv} is a duplicate of one we already paid.",
            "The services on {inv} were not delivered as agreed, we will not pay it until this is resolved.", "There is a pricing error on invoice {inv}.",
            "We were overcharged on {inv}, please issue a credit note.", "Half of the items on {inv} arrived damaged.", "We do not recognise invoice {inv}.",
            "La factura {inv} tiene un error en el precio.", "No estamos de acuerdo con el importe de la factura {inv}.",
            "Die Rechnung {inv} ist fehlerhaft, die Menge stimmt nicht.", "Wir widersprechen der Rechnung {inv}, die Leistung wurde nicht erbracht.",
            "The tax on {inv} is wrong, we are exempt.", "We returned the shipment but were still invoiced on {inv}.",
        ],
        ["PAYMENT_INSTRUCTIONS"] =
        [
            "How can we pay you?", "Can you send us your bank details for payment?", "What account should we pay into?",
            "Do you accept payment by credit card or only wire transfer?", "Where do we send the payment?", "Please confirm your remittance address and bank account.",
            "What reference should we use on the transfer?", "Can we pay by ACH?", "What are your wire instructions?", "Which IBAN do we use for the payment?",
            "¿Cuáles son sus datos bancarios para el pago?", "¿Cómo podemos realizar el pago?", "Wie können wir bezahlen?",
            "Bitte teilen Sie uns Ihre Bankverbindung für die Überweisung mit.", "Is it possible to pay by cheque?", "How do I pay this invoice online?",
        ],
        ["BANK_DETAILS_CHANGE"] =
        [
            "Please note our bank details have changed, update your records with the new account.", "We have a new bank account, please send future payments to IBAN {iban}.",
            "Kindly update our banking information: new account number {acct}.", "Our company changed banks, please remit to the new account attached.",
            "Please change the account you pay refunds into to {iban}.", "Update: our remittance account is now at a different bank.",
            "Due to an audit, our bank details changed, use the new details from now on.", "Please record our new bank account for all payments.",
            "Nuestros datos bancarios han cambiado, por favor actualicen la cuenta: {iban}.", "Tenemos una nueva cuenta bancaria para los pagos.",
            "Unsere Bankverbindung hat sich geändert, bitte nutzen Sie ab sofort {iban}.", "Bitte aktualisieren Sie unsere neue Bankverbindung.",
            "Urgent: change of bank details, please use the account below for the credit note refund.", "We moved our account, new routing number {acct}.",
        ],
        ["TAX_FORM_REQUEST"] =
        [
            "Please send us your W-9.", "We need a completed W-9 form before we can pay.", "Could you provide your W-8BEN?", "Can you send your VAT registration certificate?",
            "Our vendor onboarding requires your W-9, please send it.", "Please provide a copy of your tax certificate.", "We need your tax ID form for our records.",
            "Send the updated W9 please, ours expired.", "¿Nos pueden enviar su certificado de residencia fiscal?", "Necesitamos su certificado de IVA.",
            "Bitte senden Sie uns Ihre Umsatzsteuer-Bescheinigung.", "Wir benötigen Ihr W-9 Formular.", "Could you share your sales tax exemption certificate form?",
            "Please email your current W-9 so we can set you up as a vendor.",
        ],
        ["CONTACT_UPDATE"] =
        [
            "Please update our billing contact to {name}, {email}.", "From now on please send invoices to {email}.", "I am leaving the company, please contact {name} going forward.",
            "Please add {email} to the invoice distribution list.", "Our AP team has a new address: {email}.", "Please change the contact on our account to {name}.",
            "Kindly remove me from your mailing list and use {email} instead.", "Our billing address has changed, please update it.",
            "Por favor actualicen el contacto de facturación a {email}.", "Bitte senden Sie Rechnungen künftig an {email}.",
            "Neuer Ansprechpartner für Rechnungen ist {name}.", "Please note {name} now handles our payables.", "Update our phone number for billing questions.",
        ],
        ["AUTO_REPLY"] =
        [
            "I am currently out of the office with limited access to email. I will respond when I return.", "Thank you for your email. I am on annual leave and will reply upon my return.",
            "This is an automated response. Your request has been received and a ticket has been created.", "Your message has been received. A member of our team will get back to you.",
            "Delivery to the following recipient failed permanently.", "This message could not be delivered.", "I'm away until next week. For urgent matters contact our office.",
            "Ich bin derzeit nicht im Büro und habe keinen Zugriff auf E-Mails.", "Vielen Dank für Ihre Nachricht. Ich bin im Urlaub.",
            "Estoy fuera de la oficina y regresaré pronto.", "Gracias por su mensaje. Estoy de vacaciones.", "Do not reply to this email. This mailbox is not monitored.",
            "Your ticket has been logged with reference number 48213.", "Automatic reply: thank you, we will process your request within 3 business days.",
        ],
        ["LEGAL_OR_ESCALATION"] =
        [
            "We have referred this matter to our lawyer.", "Our attorney will be in contact regarding these invoices.", "The company has filed for insolvency, all claims go to the administrator.",
            "We will take legal action if this continues.", "This matter is now with our legal department.", "We have entered bankruptcy proceedings.",
            "Please direct all further correspondence to our counsel.", "We will see you in court.", "Our solicitors will respond to your claim.",
            "Hemos remitido el asunto a nuestro abogado.", "La empresa se encuentra en concurso de acreedores.", "Wir haben die Angelegenheit an unseren Anwalt übergeben.",
            "Über unser Vermögen wurde das Insolvenzverfahren eröffnet.", "I want to escalate this to your CFO immediately.", "Escalating to your management, this is unacceptable.",
        ],
        ["OTHER"] =
        [
            "Thanks for the lunch last week, great to see you.", "Can we set up a meeting to discuss the new contract?", "Do you have the new product catalogue?",
            "Please unsubscribe me from your newsletter.", "Who is our account manager for the renewal?", "Happy holidays to the whole team!",
            "Can you tell me when the next software release is planned?", "We'd like to order more licences, who do I talk to?", "Thanks!",
            "¿Podemos agendar una llamada para hablar del nuevo proyecto?", "Gracias por todo este año.", "Können wir einen Termin für nächste Woche vereinbaren?",
            "Frohe Weihnachten und einen guten Rutsch!", "Is your office open between Christmas and New Year?", "Our CEO would like a demo of the new features.",
        ],
    };
}
