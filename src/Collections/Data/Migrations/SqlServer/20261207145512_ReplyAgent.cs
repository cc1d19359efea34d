using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Collections.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReplyAgent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InReplyTo",
                table: "OutgoingMail",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReplyDraftId",
                table: "OutgoingMail",
                type: "nvarchar(26)",
                maxLength: 26,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InboundMessages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    ThreadId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    From = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    NormalizedSubject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Intent = table.Column<int>(type: "int", nullable: false),
                    Disposition = table.Column<int>(type: "int", nullable: false),
                    EscalationReasons = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    DraftId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Wire = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReplyAttachments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    DraftId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReplyDrafts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    Intent = table.Column<int>(type: "int", nullable: false),
                    To = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 2147483647, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Edited = table.Column<bool>(type: "bit", nullable: false),
                    MailId = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Details = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyDrafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_CustomerId_Id",
                table: "InboundMessages",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_From_NormalizedSubject",
                table: "InboundMessages",
                columns: new[] { "From", "NormalizedSubject" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_MessageId",
                table: "InboundMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_ReceivedAt",
                table: "InboundMessages",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReplyAttachments_DraftId",
                table: "ReplyAttachments",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_ReplyDrafts_CustomerId_Id",
                table: "ReplyDrafts",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReplyDrafts_Status_Id",
                table: "ReplyDrafts",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboundMessages");

            migrationBuilder.DropTable(
                name: "ReplyAttachments");

            migrationBuilder.DropTable(
                name: "ReplyDrafts");

            migrationBuilder.DropColumn(
                name: "InReplyTo",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "ReplyDraftId",
                table: "OutgoingMail");
        }
    }
}
