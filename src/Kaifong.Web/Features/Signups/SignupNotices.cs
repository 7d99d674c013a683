using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Messaging;
using Kaifong.Web.Features.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

/// <summary>
/// Tells people about their places, each in their own language, through the outbox in the caller's transaction (the
/// caller saves): moved up from the waitlist, put on a shift, a substitute place taken and confirmed, offered a
/// substitute request, their place taken by a substitute, an offer no longer needed. Each message has an idempotency key, so a retried command writes it once.
/// </summary>
public sealed class SignupNotices(KaifongDb db, MessageTemplates templates, Links links, TimeProvider time)
{
    public Task PromotedAsync(SignupCommands.ShiftContext c, Signup signup, CancellationToken ct) => PlaceAsync(c, signup, MessageKinds.SignupPromoted, ct);

    public Task AssignedAsync(SignupCommands.ShiftContext c, Signup signup, CancellationToken ct) => PlaceAsync(c, signup, MessageKinds.SignupAssigned, ct);

    /// <summary>To the person who took a substitute place: it is theirs, confirmed.</summary>
    public Task ConfirmedAsync(SignupCommands.ShiftContext c, Signup signup, CancellationToken ct) => PlaceAsync(c, signup, MessageKinds.SignupConfirmed, ct);

    /// <summary>替班邀請 to each member offered the request.</summary>
    public Task OfferedAsync(SignupCommands.ShiftContext c, Guid requestId, IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        WriteAsync(c, MessageKinds.SubstituteOffered, userIds, u => $"{MessageKinds.SubstituteOffered}:{requestId}:{u}", null, ShiftLink(c), ct);

    /// <summary>To the requester: someone took their place, they need not come.</summary>
    public Task TakenAsync(SignupCommands.ShiftContext c, Guid requestId, Guid requesterUserId, CancellationToken ct) =>
        WriteAsync(c, MessageKinds.SubstituteTaken, [requesterUserId], _ => $"{MessageKinds.SubstituteTaken}:{requestId}", null, links.Absolute("/me/shifts"), ct);

    /// <summary>To the others who were offered it: the request is taken or withdrawn.</summary>
    public Task GoneAsync(SignupCommands.ShiftContext c, Guid requestId, IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        WriteAsync(c, MessageKinds.SubstituteGone, userIds, u => $"{MessageKinds.SubstituteGone}:{requestId}:{u}", null, links.Absolute("/me/open-shifts"), ct);

    private Task PlaceAsync(SignupCommands.ShiftContext c, Signup signup, string kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signup);
        return WriteAsync(c, kind, [signup.UserId], _ => $"{kind}:{signup.Id}:{signup.UpdatedAt.UtcTicks}", signup.ConfirmBy, ShiftLink(c), ct);
    }

    private string ShiftLink(SignupCommands.ShiftContext c) => links.Absolute($"/o/{c.Organisation.Slug}/shifts/{c.Shift.Id}");

    private async Task WriteAsync(
        SignupCommands.ShiftContext c, string kind, IReadOnlyCollection<Guid> userIds, Func<Guid, string> key, DateTimeOffset? confirmBy, string link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (userIds.Count == 0)
        {
            return;
        }

        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.Language, u.DisplayName }).ToListAsync(ct);
        var zone = c.Organisation.Zone;
        foreach (var person in people)
        {
            var idempotencyKey = key(person.Id);
            if (person.Email is null || await OutboxWriter.ExistsAsync(db, idempotencyKey, ct))
            {
                continue;
            }

            var culture = CultureInfo.GetCultureInfo(person.Language);
            var message = templates.Render(kind, person.Language, new
            {
                displayName = person.DisplayName,
                organisationName = c.Organisation.Name,
                title = c.Activity.Title,
                role = c.Shift.Role,
                when = ShiftTimes.Format(c.Shift.Start, c.Shift.End, zone, culture),
                venue = c.Activity.Venue ?? "",
                confirmBy = confirmBy is { } by ? TimeZoneInfo.ConvertTime(by, zone).ToString("g", culture) : "",
                link,
            });
            OutboxWriter.EnqueueEmail(db, time, c.Organisation.Id, kind, person.Email, message, idempotencyKey);
        }
    }
}
