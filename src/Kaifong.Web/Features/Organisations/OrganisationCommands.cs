using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Organisations;

public sealed record OrganisationDto(Guid Id, string Slug, string Name, string TimeZone, string DefaultLanguage);
public sealed record CreateOrganisationRequest(string? Name, string? Slug, string? TimeZone, string? DefaultLanguage);
public sealed record UpdateOrganisationRequest(string? Name, string? TimeZone, string? DefaultLanguage);
public sealed record PicsRequest(string? Language, string? Text);
public sealed record PicsDto(string Language, string Text, bool IsCustom);
public sealed record ProgrammeRequest(string? Name);
public sealed record ProgrammeDto(Guid Id, string Name);

/// <summary>Creating and configuring organisations and programmes; used by the pages and the API alike.</summary>
public sealed class OrganisationCommands(KaifongDb db, TimeProvider time, AuditLog audit)
{
    public static OrganisationDto ToDto(Organisation o) => new(o.Id, o.Slug, o.Name, o.TimeZone, o.DefaultLanguage);

    /// <summary>Creates the organisation with the caller as its first admin. A taken slug is answered, not thrown.</summary>
    public async Task<(Organisation? Organisation, IReadOnlyList<Error> Errors)> CreateAsync(Guid userId, CreateOrganisationRequest input, CancellationToken ct)
    {
        var (valid, errors) = OrganisationRules.Validate(input.Name, input.Slug, input.TimeZone, input.DefaultLanguage);
        if (valid is null)
        {
            return (null, errors);
        }

        if (await db.Organisations.AnyAsync(o => o.Slug == valid.Slug, ct))
        {
            return (null, [OrganisationErrors.SlugTaken]);
        }

        var now = time.GetUtcNow();
        var org = new Organisation
        {
            Id = Ids.New(time),
            Name = valid.Name,
            Slug = valid.Slug,
            TimeZone = valid.TimeZone,
            DefaultLanguage = valid.DefaultLanguage,
            CreatedAt = now,
        };
        db.Organisations.Add(org);
        db.Memberships.Add(Membership.Join(Ids.New(time), org.Id, userId, MemberRoles.Admin | MemberRoles.Coordinator, needsApproval: false, null, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people raced for the same slug: the unique index decided.
            if (await SlugExistsAsync(valid.Slug))
            {
                return (null, [OrganisationErrors.SlugTaken]);
            }

            throw;
        }

        return (org, []);
    }

    private async Task<bool> SlugExistsAsync(string slug)
    {
        db.ChangeTracker.Clear();
        return await db.Organisations.AnyAsync(o => o.Slug == slug);
    }

    public async Task<IReadOnlyList<Error>> UpdateAsync(OrgContext org, UpdateOrganisationRequest input, CancellationToken ct)
    {
        var (valid, errors) = OrganisationRules.Validate(input.Name, org.Slug, input.TimeZone, input.DefaultLanguage);
        if (valid is null)
        {
            return errors;
        }

        var entity = await db.Organisations.FirstAsync(o => o.Id == org.Id, ct);
        entity.Name = valid.Name;
        entity.TimeZone = valid.TimeZone;
        entity.DefaultLanguage = valid.DefaultLanguage;
        audit.Add(org.Id, org.Me.UserId, AuditActions.SettingsChanged, detail: $"{valid.Name}; {valid.TimeZone}; {valid.DefaultLanguage}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<Error>> SetPicsAsync(OrgContext org, string? language, string? text, CancellationToken ct)
    {
        var lang = Languages.All.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (lang is null)
        {
            return [new Error("validation", "Error.UnknownLanguage", Field: "language")];
        }

        // Empty text means "use the standard statement" again.
        var clean = FreeText.Clean(text, Limits.Pics, multiline: true);
        if (!clean.Ok)
        {
            return [clean.Fault == TextFault.TooLong ? OrganisationErrors.PicsTooLong with { Field = "text" } : FreeText.InvalidText with { Field = "text" }];
        }

        var entity = await db.Organisations.FirstAsync(o => o.Id == org.Id, ct);
        entity.SetCustomPics(lang, clean.Value);
        audit.Add(org.Id, org.Me.UserId, AuditActions.PicsChanged, detail: lang);
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<Result<Programme>> AddProgrammeAsync(OrgContext org, string? name, CancellationToken ct)
    {
        if (ProgrammeErrors.ValidateName(name) is { } error)
        {
            return error;
        }

        var n = ProgrammeErrors.Clean(name);
        if (await db.Programmes.AnyAsync(p => p.OrganisationId == org.Id && p.Name == n, ct))
        {
            return ProgrammeErrors.NameTaken;
        }

        var programme = new Programme { Id = Ids.New(time), OrganisationId = org.Id, Name = n, CreatedAt = time.GetUtcNow() };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return programme;
    }

    public Task<ProgrammeDto[]> ProgrammesAsync(Guid organisationId, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Name)
            .Select(p => new ProgrammeDto(p.Id, p.Name)).ToArrayAsync(ct);

    /// <summary>True when every id is one of this organisation's programmes (another organisation's ids are simply unknown).</summary>
    public async Task<bool> AreOwnProgrammesAsync(Guid organisationId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 || await db.Programmes.CountAsync(p => p.OrganisationId == organisationId && ids.Contains(p.Id), ct) == ids.Distinct().Count();
}
