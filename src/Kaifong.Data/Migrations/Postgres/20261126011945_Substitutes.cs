using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifong.Data.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Asked");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UnconfirmedReportedAt",
                table: "Signups",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferUnconfirmedPlaces",
                table: "Organisations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SubstituteOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    MembershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
