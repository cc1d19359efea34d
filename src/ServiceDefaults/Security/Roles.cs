namespace ArPlatform.ServiceDefaults.Security;

/// <summary>The roles of an AR organisation (DOMAIN.md, Controls), as carried in the token's "role" claim.</summary>
public static class Roles
{
    public const string ArClerk = "ar_clerk";
    public const string CashApplier = "cash_applier";
    public const string Collector = "collector";
    public const string ArManager = "ar_manager";
    public const string Controller = "controller";
    /// <summary>Reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";
    /// <summary>Another ArPlatform service calling on its own behalf.</summary>
    public const string Service = "service";

    public static readonly IReadOnlyList<string> All = [ArClerk, CashApplier, Collector, ArManager, Controller, Auditor, Service];

    /// <summary>
    /// Who sees every customer's receivables; a caller whose only AR role is collector sees the
    /// customers assigned to them (their portfolio).
    /// </summary>
    public static readonly IReadOnlyList<string> SeeEveryCustomer = [ArClerk, CashApplier, ArManager, Controller, Auditor, Service];

    /// <summary>Who sees customers' bank accounts in full (others see the last four characters).</summary>
    public static readonly IReadOnlyList<string> SeeBankingDetails = [CashApplier, ArManager, Controller];
}

/// <summary>
/// Named authorization policies, one per group of RPCs. Each RPC names its policy; anything that
/// names none still needs an authenticated caller (the fallback policy).
/// </summary>
public static class Policies
{
    /// <summary>Read AR data: every AR role, auditors included.</summary>
    public const string ReadReceivables = "ar.read";
    /// <summary>Create customers and invoices, issue invoices.</summary>
    public const string ManageBilling = "billing.write";
    /// <summary>Approve or reject what needs a second person (credit memos above the threshold).</summary>
    public const string ApproveCredits = "billing.approve";
    /// <summary>Apply cash to invoices and reverse applications.</summary>
    public const string ApplyCash = "cash.apply";
    /// <summary>Hold or release invoice amounts as disputed: the Disputes service, or a manager repairing by hand.</summary>
    public const string FlagDisputes = "billing.dispute-flags";
    /// <summary>Open dispute cases and work them: assign, note, move through the workflow, attach evidence.</summary>
    public const string WorkDisputes = "disputes.work";
    /// <summary>Decide a dispute (valid, invalid, partly valid): a valid one becomes a credit memo.</summary>
    public const string ResolveDisputes = "disputes.resolve";
    /// <summary>Read and verify a service's audit trail.</summary>
    public const string ReadAuditLog = "audit.read";
    /// <summary>Post a write-off Collections approved: only the Collections service (<see cref="ServicesByPolicy"/>), after its approval matrix.</summary>
    public const string PostWriteOffs = "billing.write-offs";
    /// <summary>Assess late-payment charges (a command, never silent).</summary>
    public const string AssessLateCharges = "billing.late-charges";
    /// <summary>The journal and the GL reconciliation: finance, controllers and auditors.</summary>
    public const string ReadGeneralLedger = "gl.read";
    /// <summary>Close accounting periods and keep the FX rate table.</summary>
    public const string CloseBooks = "gl.close";

    /// <summary>Work accounts: activities, promises, payment plans, manual holds, write-off requests, risk ratings.</summary>
    public const string WorkCollections = "collections.work";
    /// <summary>Run dunning for every account (also the service's own daily schedule).</summary>
    public const string RunDunning = "collections.dunning";
    /// <summary>Release credit holds and decide write-offs (the approval matrix narrows write-offs further by amount).</summary>
    public const string ApproveCollections = "collections.approve";

    /// <summary>Customers' mail into the reply agent: the apps that receive it (service) and the people who work the inbox.</summary>
    public const string SubmitCorrespondence = "collections.inbox";
    /// <summary>Read customers' mail and the reply agent's drafts, approve or reject them, and the agent's metrics.</summary>
    public const string AnswerCorrespondence = "collections.replies";

    internal static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ReadReceivables] = [.. Roles.All],
        [ManageBilling] = [Roles.ArClerk, Roles.ArManager, Roles.Service],
        [ApproveCredits] = [Roles.ArManager, Roles.Controller],
        [ApplyCash] = [Roles.CashApplier, Roles.ArManager, Roles.Service],
        [FlagDisputes] = [Roles.Service, Roles.ArManager],
        [WorkDisputes] = [Roles.ArClerk, Roles.Collector, Roles.CashApplier, Roles.ArManager, Roles.Service],
        [ResolveDisputes] = [Roles.ArClerk, Roles.ArManager],
        [ReadAuditLog] = [Roles.Auditor, Roles.Controller, Roles.ArManager],
        [PostWriteOffs] = [Roles.Service],
        [AssessLateCharges] = [Roles.ArManager, Roles.Controller, Roles.Service],
        [ReadGeneralLedger] = [Roles.Controller, Roles.Auditor, Roles.ArManager],
        [CloseBooks] = [Roles.Controller],
        [WorkCollections] = [Roles.Collector, Roles.ArManager, Roles.Service],
        [RunDunning] = [Roles.ArManager, Roles.Service],
        [ApproveCollections] = [Roles.ArManager, Roles.Controller],
        [SubmitCorrespondence] = [Roles.Collector, Roles.ArManager, Roles.Service],
        [AnswerCorrespondence] = [Roles.Collector, Roles.ArManager],
    };

    /// <summary>
    /// Where the service role alone is too wide: the services (by the name their identity
    /// carries as subject, see <see cref="ServiceIdentity"/>) that may call a policy's RPCs.
    /// Configuration <c>Auth:ServiceCallers:{policy}</c> (a list) replaces a default.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> ServicesByPolicy = new Dictionary<string, string[]>
    {
        [PostWriteOffs] = ["collections"],
    };
}
