using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ICalCalendar = Ical.Net.Calendar;

namespace Kaifong.Domain.Calendar;

/// <summary>One shift (or occurrence) in an iCalendar feed. <see cref="Uid"/> must stay the same for the life of the
/// thing it names; <see cref="Sequence"/> goes up on every change, so calendar apps replace their copy.</summary>
public sealed record FeedEvent(
    string Uid,
    int Sequence,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string? Location,
    string? Description,
    bool Cancelled,
    string? Url,
    DateTimeOffset Stamp);

/// <summary>
/// Writes an RFC 5545 calendar: VTIMEZONE for the organisation's zone, DTSTART/DTEND as local times with TZID,
/// STATUS CONFIRMED or CANCELLED. Ical.Net's serializer does the escaping, CRLF line endings and line folding.
/// </summary>
public static class ICalendarWriter
{
    public const string ProductId = "-//Kaifong//Kaifong volunteer scheduling//EN";

    /// <param name="calendarName">X-WR-CALNAME, already in the owner's language.</param>
    /// <param name="timeZoneId">The organisation's IANA zone, e.g. Asia/Hong_Kong.</param>
    /// <param name="events">The events; <see cref="FeedEvent.Url"/> must be an absolute http(s) URL when given (on Linux "/x" parses as file:///x, so the scheme is checked).</param>
    public static string Write(string calendarName, string timeZoneId, IEnumerable<FeedEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(events);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var list = events.ToList();

        var calendar = new ICalCalendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);

        // The VTIMEZONE covers the rules in force from the earliest event on (no clock read here: output depends only on input).
        var earliest = list.Count == 0 ? new DateTime(2000, 1, 1) : list.Min(e => Local(e.Start, zone)).AddYears(-1);
        calendar.AddTimeZone(timeZoneId, earliest, includeHistoricalData: false);

        foreach (var e in list)
        {
            if (e.End < e.Start)
            {
                throw new ArgumentException($"Event {e.Uid} ends before it starts.", nameof(events));
            }

            var evt = new CalendarEvent
            {
                Uid = e.Uid,
                Sequence = e.Sequence,
                DtStart = new CalDateTime(Local(e.Start, zone), timeZoneId),
                DtEnd = new CalDateTime(Local(e.End, zone), timeZoneId),
                DtStamp = new CalDateTime(e.Stamp.UtcDateTime, CalDateTime.UtcTzId),
                Summary = e.Summary,
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                evt.Location = e.Location;
            }

            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                evt.Description = e.Description;
            }

            if (!string.IsNullOrWhiteSpace(e.Url))
            {
                evt.Url = Uri.TryCreate(e.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                    ? url
                    : throw new ArgumentException($"Event {e.Uid} has a URL that is not an absolute http(s) URL: {e.Url}", nameof(events));
            }

            calendar.Events.Add(evt);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
}
