using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Collections.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CollectionsWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountProfiles",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Risk = table.Column<int>(type: "int", nullable: false),
                    Strategic = table.Column<bool>(type: "bit", nullable: false),
                    StatementDayOfMonth = table.Column<int>(type: "int", nullable: false),
                    OnHold = table.Column<bool>(type: "bit", nullable: false),
                    HoldReason = table.Column<int>(type: "int", nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OverrideUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    History = table.Column<string>(type: "nvarchar(max)", maxLength: 2147483647, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountProfiles", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "AccountStandings",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Collector = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Segment = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Open = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    PastDue = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    DaysLate = table.Column<int>(type: "int", nullable: false),
                    Disputed = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    NextStep = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NextStepDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountStandings", x => new { x.CustomerId, x.Currency });
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AllowanceBookings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    BookedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllowanceBookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DunningActions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    InvoiceId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Step = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OffsetDays = table.Column<int>(type: "int", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    Template = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    OpenAmount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DunningActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DunningRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Scheduled = table.Column<bool>(type: "bit", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    InvoicesExamined = table.Column<int>(type: "int", nullable: false),
                    Actions = table.Column<int>(type: "int", nullable: false),
                    Messages = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DunningRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForecastSnapshots",
                columns: table => new
                {
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Expected = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForecastSnapshots", x => new { x.WeekStart, x.Currency, x.MadeOn });
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMail",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    DedupKey = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    To = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 2147483647, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentPlans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    InvoiceIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Paid = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Instalments = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Promises",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    PromisedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    InvoiceIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Paid = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Promises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WriteOffs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    InvoiceId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ApproverRoles = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecisionNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PostingId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    PostingError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PostingAttempts = table.Column<int>(type: "int", nullable: false),
                    NextPostingAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriteOffs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountStandings_Collector",
                table: "AccountStandings",
                column: "Collector");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CustomerId_Id",
                table: "Activities",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AllowanceBookings_Currency_Id",
                table: "AllowanceBookings",
                columns: new[] { "Currency", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DunningActions_CustomerId_Id",
                table: "DunningActions",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DunningActions_InvoiceId_Step",
                table: "DunningActions",
                columns: new[] { "InvoiceId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DunningRuns_AsOf_Scheduled",
                table: "DunningRuns",
                columns: new[] { "AsOf", "Scheduled" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_DedupKey",
                table: "OutgoingMail",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_SentAt_FailedAt_NextAttemptAt",
                table: "OutgoingMail",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentPlans_CustomerId_Id",
                table: "PaymentPlans",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentPlans_Status",
                table: "PaymentPlans",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_CustomerId_Id",
                table: "Promises",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_Status_PromisedDate",
                table: "Promises",
                columns: new[] { "Status", "PromisedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WriteOffs_InvoiceId",
                table: "WriteOffs",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_WriteOffs_Number",
                table: "WriteOffs",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WriteOffs_Status_NextPostingAt",
                table: "WriteOffs",
                columns: new[] { "Status", "NextPostingAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountProfiles");

            migrationBuilder.DropTable(
                name: "AccountStandings");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "AllowanceBookings");

            migrationBuilder.DropTable(
                name: "DunningActions");

            migrationBuilder.DropTable(
                name: "DunningRuns");

            migrationBuilder.DropTable(
                name: "ForecastSnapshots");

            migrationBuilder.DropTable(
                name: "OutgoingMail");

            migrationBuilder.DropTable(
                name: "PaymentPlans");

            migrationBuilder.DropTable(
                name: "Promises");

            migrationBuilder.DropTable(
                name: "WriteOffs");
        }
    }
}
