using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifong.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FillingShifts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ActedBy",
                table: "Signups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "Signups",
                type: "TEXT",
                maxLength: 12000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssignedAt",
                table: "Signups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "Signups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmBy",
                table: "Signups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmedAt",
                table: "Signups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LateCancellation",
                table: "Signups",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Signups",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmationHours",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateCancellationHours",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinRestMinutes",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MonthlyShiftLimit",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WeeklyShiftLimit",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MonthlyShiftLimit",
                table: "Memberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WeeklyShiftLimit",
                table: "Memberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BirthDate",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinimumAge",
                table: "ActivityTypes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmationHours",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateCancellationHours",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AvailabilityExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    From = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    To = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Available = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvailabilityExceptions_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AvailabilitySlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DayOfWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    To = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilitySlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvailabilitySlots_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubstituteRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByMembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubstituteRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubstituteRequests_Signups_SignupId",
                        column: x => x.SignupId,
                        principalTable: "Signups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signups_ShiftId_Status_CreatedAt",
                table: "Signups",
                columns: new[] { "ShiftId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityExceptions_MembershipId_Date",
                table: "AvailabilityExceptions",
                columns: new[] { "MembershipId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilitySlots_MembershipId",
                table: "AvailabilitySlots",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteRequests_OrganisationId_Status",
                table: "SubstituteRequests",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteRequests_SignupId",
                table: "SubstituteRequests",
                column: "SignupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilityExceptions");

            migrationBuilder.DropTable(
                name: "AvailabilitySlots");

            migrationBuilder.DropTable(
                name: "SubstituteRequests");

            migrationBuilder.DropIndex(
                name: "IX_Signups_ShiftId_Status_CreatedAt",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "ActedBy",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "Answers",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "ConfirmBy",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "LateCancellation",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "Signups");

            migrationBuilder.DropColumn(
                name: "ConfirmationHours",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "LateCancellationHours",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "MinRestMinutes",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "MonthlyShiftLimit",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "WeeklyShiftLimit",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "MonthlyShiftLimit",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "WeeklyShiftLimit",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "BirthDate",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MinimumAge",
                table: "ActivityTypes");

            migrationBuilder.DropColumn(
                name: "ConfirmationHours",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LateCancellationHours",
                table: "Activities");
        }
    }
}
