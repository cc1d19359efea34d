using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.CashApplication.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerId",
                table: "Payments",
                type: "nvarchar(26)",
                maxLength: 26,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OnAccountAmount",
                table: "Payments",
                type: "decimal(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "AutoApplied",
                table: "BankFileImports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "MatchedAt",
                table: "BankFileImports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LearnedBankAccounts",
                columns: table => new
                {
                    Account = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    LearnedFrom = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    LearnedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnedBankAccounts", x => x.Account);
                });

            migrationBuilder.CreateTable(
                name: "PaymentApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    PaymentId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Automatic = table.Column<bool>(type: "bit", nullable: false),
                    Confidence = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: true),
                    Reasons = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OnAccount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    RemittanceLinesMatched = table.Column<int>(type: "int", nullable: false),
                    AppliedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CorrelationId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    BillingApplicationId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ReversedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReversalReason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ReversedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentApplicationLines",
                columns: table => new
                {
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    InvoiceId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    Shortfall = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    Treatment = table.Column<int>(type: "int", nullable: false),
                    DeductionReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DisputeId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: true),
                    DeductionError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentApplicationLines", x => new { x.ApplicationId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_PaymentApplicationLines_PaymentApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "PaymentApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_CustomerId_Id",
                table: "Payments",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BankFileImports_MatchedAt",
                table: "BankFileImports",
                column: "MatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentApplicationLines_InvoiceId",
                table: "PaymentApplicationLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentApplications_NextAttemptAt_Id",
                table: "PaymentApplications",
                columns: new[] { "NextAttemptAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentApplications_PaymentId",
                table: "PaymentApplications",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentApplications_Status_Automatic",
                table: "PaymentApplications",
                columns: new[] { "Status", "Automatic" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearnedBankAccounts");

            migrationBuilder.DropTable(
                name: "PaymentApplicationLines");

            migrationBuilder.DropTable(
                name: "PaymentApplications");

            migrationBuilder.DropIndex(
                name: "IX_Payments_CustomerId_Id",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_BankFileImports_MatchedAt",
                table: "BankFileImports");

            migrationBuilder.DropColumn(
                name: "CustomerId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "OnAccountAmount",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "AutoApplied",
                table: "BankFileImports");

            migrationBuilder.DropColumn(
                name: "MatchedAt",
                table: "BankFileImports");
        }
    }
}
