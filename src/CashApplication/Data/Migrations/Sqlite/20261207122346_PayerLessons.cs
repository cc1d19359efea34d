using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.CashApplication.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PayerLessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PayerLessons",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    LearnedFrom = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    LearnedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    LearnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ForgottenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForgottenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ForgetReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayerLessons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PayerLessons_CustomerId_Id",
                table: "PayerLessons",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PayerLessons_Kind_Payer_CustomerId",
                table: "PayerLessons",
                columns: new[] { "Kind", "Payer", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayerLessons_LearnedFrom",
                table: "PayerLessons",
                column: "LearnedFrom");

            // The bank accounts learned so far are lessons now, each under the id of the application
            // that taught it (one application teaches one account), with who made that application.
            migrationBuilder.Sql("INSERT INTO \"PayerLessons\" (\"Id\", \"Kind\", \"Payer\", \"CustomerId\", \"LearnedFrom\", \"LearnedBy\", \"Automatic\", \"LearnedAt\", \"ForgottenBy\", \"ForgetReason\") SELECT l.\"LearnedFrom\", 1, l.\"Account\", l.\"CustomerId\", l.\"LearnedFrom\", COALESCE(a.\"AppliedBy\", ''), COALESCE(a.\"Automatic\", 0), l.\"LearnedAt\", '', '' FROM \"LearnedBankAccounts\" AS l LEFT JOIN \"PaymentApplications\" AS a ON a.\"Id\" = l.\"LearnedFrom\"");

            migrationBuilder.DropTable(
                name: "LearnedBankAccounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearnedBankAccounts",
                columns: table => new
                {
                    Account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    LearnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LearnedFrom = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnedBankAccounts", x => x.Account);
                });

            // Back to one customer per account: the live bank-account lessons that identify someone.
            migrationBuilder.Sql("INSERT INTO \"LearnedBankAccounts\" (\"Account\", \"CustomerId\", \"LearnedAt\", \"LearnedFrom\") SELECT \"Payer\", MIN(\"CustomerId\"), MIN(\"LearnedAt\"), MIN(\"LearnedFrom\") FROM \"PayerLessons\" WHERE \"Kind\" = 1 AND \"ForgottenAt\" IS NULL GROUP BY \"Payer\" HAVING COUNT(*) = 1");

            migrationBuilder.DropTable(
                name: "PayerLessons");
        }
    }
}
