using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.Outbox;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Data;

/// <summary>
/// The one database context. Each provider has a subclass (<see cref="SqliteKaifongDb"/>,
/// <see cref="PostgresKaifongDb"/>) that owns its migrations; code depends on this type only.
/// </summary>
public abstract class KaifongDb(DbContextOptions options)
    : IdentityDbContext<KaifongUser, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options),
      IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<MembershipProgramme> MembershipProgrammes => Set<MembershipProgramme>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MemberSkill> MemberSkills => Set<MemberSkill>();
    public DbSet<UserSkill> UserSkills => Set<UserSkill>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ActivityType> ActivityTypes => Set<ActivityType>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Occurrence> Occurrences => Set<Occurrence>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<ShiftTemplate> ShiftTemplates => Set<ShiftTemplate>();
    public DbSet<Signup> Signups => Set<Signup>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    /// <summary>
    /// "Until midnight" is <see cref="TimeOnly.MaxValue"/> in the domain; PostgreSQL's <c>time</c> keeps microseconds, so it comes
    /// back a tick short. Anything in the last second of the day reads as the end of the day again.
    /// </summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TimeOnly, TimeOnly> EndOfDay =
        new(t => t, t => t >= LastSecond ? TimeOnly.MaxValue : t);

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TimeOnly?, TimeOnly?> EndOfDayOrNone =
        new(t => t, t => t >= LastSecond ? TimeOnly.MaxValue : t);

    private static readonly TimeOnly LastSecond = new(23, 59, 59);

    public DbSet<SubstituteRequest> SubstituteRequests => Set<SubstituteRequest>();
    public DbSet<SubstituteOffer> SubstituteOffers => Set<SubstituteOffer>();
    public DbSet<AvailabilitySlot> AvailabilitySlots => Set<AvailabilitySlot>();
    public DbSet<AvailabilityException> AvailabilityExceptions => Set<AvailabilityException>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<KaifongUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(Limits.DisplayName);
            e.Property(u => u.Language).HasMaxLength(Limits.Language);
            e.Property(u => u.PhoneNumber).HasMaxLength(Limits.Phone);
            e.HasMany(u => u.Skills).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserSkill>(e =>
        {
            e.HasKey(s => new { s.UserId, s.Name });
            e.Property(s => s.Name).HasMaxLength(Limits.SkillName);
        });

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(Limits.Name);
            e.Property(o => o.Slug).HasMaxLength(Limits.Slug);
            e.HasIndex(o => o.Slug).IsUnique();
            e.Property(o => o.TimeZone).HasMaxLength(Limits.TimeZone);
            e.Property(o => o.DefaultLanguage).HasMaxLength(Limits.Language);
            e.Property(o => o.PicsZhHk).HasMaxLength(Limits.Pics);
            e.Property(o => o.PicsEn).HasMaxLength(Limits.Pics);
            e.Property(o => o.PicsZhCn).HasMaxLength(Limits.Pics);
            e.Ignore(o => o.Zone);
        });

        builder.Entity<Programme>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(Limits.Name);
            e.HasIndex(p => new { p.OrganisationId, p.Name }).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Membership>(e =>
        {
            e.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
            e.HasIndex(m => m.UserId);
            e.Property(m => m.Status).IsConcurrencyToken();
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<KaifongUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Programmes).WithOne().HasForeignKey(p => p.MembershipId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(m => m.IsActive);
            e.Ignore(m => m.IsAdmin);
            e.Ignore(m => m.IsStaff);
        });
        builder.Entity<MembershipProgramme>(e =>
        {
            e.HasKey(p => new { p.MembershipId, p.ProgrammeId });
            e.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(e =>
        {
            e.Property(i => i.Token).HasMaxLength(64);
            e.HasIndex(i => i.Token).IsUnique();
            e.HasIndex(i => i.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MemberSkill>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(Limits.SkillName);
            e.HasIndex(s => new { s.MembershipId, s.Name }).IsUnique();
            e.HasIndex(s => s.OrganisationId);
            e.HasOne<Membership>().WithMany().HasForeignKey(s => s.MembershipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Detail).HasMaxLength(Limits.AuditDetail);
            e.HasIndex(a => new { a.OrganisationId, a.At });
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(o => o.Channel).HasMaxLength(32);
            e.Property(o => o.Kind).HasMaxLength(64);
            e.Property(o => o.Recipient).HasMaxLength(Limits.Email);
            e.Property(o => o.IdempotencyKey).HasMaxLength(200);
            e.Property(o => o.LastError).HasMaxLength(500);
            e.Property(o => o.LockedBy).HasMaxLength(100);
            e.HasIndex(o => o.IdempotencyKey).IsUnique();
            e.HasIndex(o => new { o.SentAt, o.FailedAt, o.DueAt });
        });

        ConfigureScheduling(builder);
    }

    private static void ConfigureScheduling(ModelBuilder builder)
    {
        builder.Entity<ActivityType>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(Limits.Name);
            e.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
            e.Property(t => t.RequiredSkills).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
            e.Property(t => t.Form).HasConversion(JsonColumn.Converter<List<FormField>>(), JsonColumn.Comparer<List<FormField>>());
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Activity>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(Limits.Name);
            e.Property(a => a.Venue).HasMaxLength(Limits.Venue);
            e.Property(a => a.Notes).HasMaxLength(Limits.Notes);
            e.Property(a => a.RRule).HasMaxLength(Recurrence.MaxRuleLength);
            e.Property(a => a.District).HasConversion<string>().HasMaxLength(32);
            e.Property(a => a.Shifts).HasConversion(JsonColumn.Converter<List<ShiftDefinition>>(), JsonColumn.Comparer<List<ShiftDefinition>>());
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.OrganisationId, a.ProgrammeId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ActivityType>().WithMany().HasForeignKey(a => a.ActivityTypeId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Membership>().WithMany().HasForeignKey(a => a.LeadMembershipId).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(a => a.IsSeries);
            e.Ignore(a => a.FirstLocalStart);
            e.Ignore(a => a.Duration);
            e.Ignore(a => a.LastDate);
        });

        builder.Entity<Occurrence>(e =>
        {
            e.Property(o => o.Venue).HasMaxLength(Limits.Venue);
            e.HasIndex(o => new { o.ActivityId, o.Date }).IsUnique();
            e.HasIndex(o => new { o.OrganisationId, o.Start });
            e.HasOne<Activity>().WithMany().HasForeignKey(o => o.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Shift>(e =>
        {
            e.Property(s => s.Role).HasMaxLength(Limits.Role);
            e.Property(s => s.RequiredSkills).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
            e.HasIndex(s => new { s.OrganisationId, s.Start });
            e.HasIndex(s => s.OccurrenceId);
            e.HasIndex(s => s.ActivityId);
            e.HasOne<Occurrence>().WithMany().HasForeignKey(s => s.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(s => s.State);
            e.ToTable(t => t.HasCheckConstraint("CK_Shifts_Headcount",
                "\"Minimum\" >= 0 AND \"Target\" >= \"Minimum\" AND \"Maximum\" >= \"Target\" AND \"Assigned\" >= 0 AND \"Assigned\" <= \"Maximum\""));
        });

        builder.Entity<ShiftTemplate>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(Limits.Name);
            e.Property(t => t.Venue).HasMaxLength(Limits.Venue);
            e.Property(t => t.District).HasConversion<string>().HasMaxLength(32);
            e.Property(t => t.Days).HasConversion(JsonColumn.Converter<List<DayOfWeek>>(), JsonColumn.Comparer<List<DayOfWeek>>());
            e.Property(t => t.Shift).HasConversion(JsonColumn.Converter<ShiftDefinition>(), JsonColumn.Comparer<ShiftDefinition>());
            e.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Signup>(e =>
        {
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(s => new { s.ShiftId, s.MembershipId }).IsUnique();
            e.HasIndex(s => s.UserId);
            e.HasIndex(s => s.OrganisationId);
            e.HasOne<Shift>().WithMany().HasForeignKey(s => s.ShiftId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Membership>().WithMany().HasForeignKey(s => s.MembershipId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Answers).HasMaxLength(Limits.FormAnswers);
            e.Property(s => s.OverrideReason).HasMaxLength(Limits.AuditDetail);
            e.HasIndex(s => new { s.ShiftId, s.Status, s.CreatedAt });
            e.HasIndex(s => new { s.Status, s.ConfirmBy });
        });

        builder.Entity<SubstituteRequest>(e =>
        {
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Origin).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.OrganisationId, r.Status });

            // One open request per sign-up, kept by the database when two taps race.
            e.HasIndex(r => r.SignupId).IsUnique().HasFilter("\"Status\" = 'Open'");
            e.HasIndex(r => r.ShiftId);
            e.HasOne<Signup>().WithMany().HasForeignKey(r => r.SignupId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(r => r.Responsible);
        });

        builder.Entity<SubstituteOffer>(e =>
        {
            e.HasIndex(o => new { o.RequestId, o.MembershipId }).IsUnique();
            e.HasIndex(o => o.MembershipId);
            e.HasOne<SubstituteRequest>().WithMany().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AvailabilitySlot>(e =>
        {
            e.Property(a => a.To).HasConversion(EndOfDay);
            e.HasIndex(a => a.MembershipId);
            e.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AvailabilityException>(e =>
        {
            e.Property(a => a.To).HasConversion(EndOfDayOrNone);
            e.HasIndex(a => new { a.MembershipId, a.Date });
            e.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarFeed>(e =>
        {
            e.Property(f => f.Token).HasMaxLength(64);
            e.HasIndex(f => f.Token).IsUnique();
            e.HasIndex(f => f.UserId);
            e.HasOne<KaifongUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<UserSession>(e =>
        {
            e.HasIndex(s => s.UserId);
            e.HasOne<KaifongUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
