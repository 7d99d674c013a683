using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Messaging;
using Kaifong.Web.Features.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

/// <summary>Tells a person, in their language, through the outbox in the same transaction: moved up from the waitlist, or put on a shift.</summary>
public sealed class SignupNotices(KaifongDb db, MessageTemplates templates, Links links, TimeProvider time)
{
    public Task PromotedAsync(SignupCommands.ShiftContext c, Signup signup, CancellationToken ct) => WriteAsync(c, signup, MessageKinds.SignupPromoted, ct);

    public Task AssignedAsync(SignupCommands.ShiftContext c, Signup signup, CancellationToken ct) => WriteAsync(c, signup, MessageKinds.SignupAssigned, ct);

    private async Task WriteAsync(SignupCommands.ShiftContext c, Signup signup, string kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(signup);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == signup.UserId).Select(u => new { u.Email, u.Language, u.DisplayName }).FirstOrDefaultAsync(ct);
        var key = $"{kind}:{signup.Id}:{signup.UpdatedAt.UtcTicks}";
        if (person?.Email is null || await OutboxWriter.ExistsAsync(db, key, ct))
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(person.Language);
        var zone = c.Organisation.Zone;
        var message = templates.Render(kind, person.Language, new
        {
            displayName = person.DisplayName,
            organisationName = c.Organisation.Name,
            title = c.Activity.Title,
            role = c.Shift.Role,
            when = ShiftTimes.Format(c.Shift.Start, c.Shift.End, zone, culture),
            venue = c.Activity.Venue ?? "",
            confirmBy = signup.ConfirmBy is { } by ? TimeZoneInfo.ConvertTime(by, zone).ToString("g", culture) : "",
            link = links.Absolute($"/o/{c.Organisation.Slug}/shifts/{c.Shift.Id}"),
        });
        OutboxWriter.EnqueueEmail(db, time, c.Organisation.Id, kind, person.Email, message, key);
    }
}
