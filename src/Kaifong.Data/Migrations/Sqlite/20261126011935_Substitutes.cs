using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifong.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Substitutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubstituteRequests_SignupId",
                table: "SubstituteRequests");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "SubstituteRequests",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Asked");

            migrationBuilder.AddColumn<long>(
                name: "UnconfirmedReportedAt",
                table: "Signups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferUnconfirmedPlaces",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SubstituteOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubstituteOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubstituteOffers_SubstituteRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SubstituteRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteRequests_ShiftId",
                table: "SubstituteRequests",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteRequests_SignupId",
                table: "SubstituteRequests",
                column: "SignupId",
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_Signups_Status_ConfirmBy",
                table: "Signups",
                columns: new[] { "Status", "ConfirmBy" });

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteOffers_MembershipId",
                table: "SubstituteOffers",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteOffers_RequestId_MembershipId",
                table: "SubstituteOffers",
                columns: new[] { "RequestId", "MembershipId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubstituteOffers");

            migrationBuilder.DropIndex(
                name: "IX_SubstituteRequests_ShiftId",
                table: "SubstituteRequests");

            migrationBuilder.DropIndex(
                name: "IX_SubstituteRequests_SignupId",
                table: "SubstituteRequests");

            migrationBuilder.DropIndex(
                name: "IX_Signups_Status_ConfirmBy",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "SubstituteRequests");

            migrationBuilder.DropColumn(
                name: "UnconfirmedReportedAt",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "OfferUnconfirmedPlaces",
                table: "Organisations");

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteRequests_SignupId",
                table: "SubstituteRequests",
                column: "SignupId");
        }
    }
}
