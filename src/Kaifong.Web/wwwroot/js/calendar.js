// Kaifong: calendars and the Gantt board on top of the vendored EventCalendar (lib/event-calendar).
// Every element [data-kf-calendar] becomes a calendar. No inline script, no eval: the server says everything
// through data- attributes (see docs/architecture.md, "Calendar module"):
//   data-events     URL of the JSON feed; start and end (yyyy-MM-dd, end exclusive) are added, other params kept
//   data-view       month | week | day | list | gantt
//   data-date       yyyy-MM-dd, the first date shown
//   data-locale     zh-HK | en | zh-CN
//   data-first-day  0..6 (0 = Sunday)
//   data-time-zone  the organisation's IANA zone; times in the feed are its local times and are shown as given
//   data-labels     JSON: today, month, week, day, list, gantt, noEvents, holiday, Gap, Short, Filled, Full, Cancelled
//                   (optional: prev, next, legend, loadFailed)
//   data-live-hub   optional SignalR hub URL; a "shiftsChanged" message refetches
//   data-legend     "false" to leave out the legend under the calendar
(function () {
    "use strict";

    var STATES = ["Gap", "Short", "Filled", "Full", "Cancelled"];
    var HOLIDAY_ROW = "kf-holidays";
    var CALENDAR_VIEWS = { month: "dayGridMonth", week: "timeGridWeek", day: "timeGridDay", list: "listWeek" };
    // The board's week is a month-type timeline one week long: one column a day (the stock week timeline has hour slots).
    var GANTT_VIEWS = { day: "resourceTimelineDay", week: "kfTimelineWeek", month: "resourceTimelineMonth" };
    var INTL_LOCALES = { "zh-HK": "zh-HK", "en": "en-HK", "zh-CN": "zh-CN" };

    function parseLabels(el) {
        try {
            var labels = JSON.parse(el.getAttribute("data-labels") || "{}");
            return labels && typeof labels === "object" ? labels : {};
        } catch (e) {
            return {};
        }
    }

    // The library marks its grids up as ARIA tables without the rows a table needs (axe: aria-required-children and
    // -parent), which screen readers read as broken. Without those roles and their aria-col*/row* attributes the grid
    // reads as what it is: dates and row names as text, each shift a link named with its state ("缺人 0/4").
    var GRID_ROLES = ["table", "rowgroup", "row", "rowheader", "columnheader", "cell", "gridcell"];
    var GRID_ATTRIBUTES = ["aria-colspan", "aria-colindex", "aria-rowspan", "aria-rowindex", "aria-colcount", "aria-rowcount"];
    function plainGrid(host) {
        function strip() {
            var els = host.querySelectorAll("[role], [aria-colspan], [aria-colindex], [aria-rowspan], [aria-rowindex]");
            for (var i = 0; i < els.length; i++) {
                if (GRID_ROLES.indexOf(els[i].getAttribute("role")) >= 0) { els[i].removeAttribute("role"); }
                for (var j = 0; j < GRID_ATTRIBUTES.length; j++) {
                    if (els[i].hasAttribute(GRID_ATTRIBUTES[j])) { els[i].removeAttribute(GRID_ATTRIBUTES[j]); }
                }
            }
        }
        strip();
        new MutationObserver(strip).observe(host, { childList: true, subtree: true, attributes: true, attributeFilter: ["role"].concat(GRID_ATTRIBUTES) });
    }

    function label(labels, key, fallback) {
        return typeof labels[key] === "string" && labels[key] !== "" ? labels[key] : fallback;
    }

    function ymd(date) {
        // EventCalendar hands over dates whose UTC fields are the wall-clock date.
        return date.toISOString().slice(0, 10);
    }

    function addDays(isoDate, days) {
        var d = new Date(isoDate + "T00:00:00Z");
        d.setUTCDate(d.getUTCDate() + days);
        return ymd(d);
    }

    // The organisation's current UTC offset ("+08:00"), so "today" is today where the organisation is.
    // Floating times from the feed are shown as given whatever this is.
    function zoneOffset(timeZone) {
        if (!timeZone) { return "local"; }
        try {
            var parts = new Intl.DateTimeFormat("en-US", { timeZone: timeZone, timeZoneName: "longOffset" }).formatToParts(new Date());
            for (var i = 0; i < parts.length; i++) {
                if (parts[i].type === "timeZoneName") {
                    var m = /([+-]\d{2}):?(\d{2})/.exec(parts[i].value);
                    return m ? m[1] + ":" + m[2] : "+00:00"; // "GMT" alone means offset zero
                }
            }
        } catch (e) { /* unknown zone: the browser's own */ }
        return "local";
    }

    function sameOriginPath(url) {
        // Only links into this site: "/o/…", never "//host" or "javascript:".
        return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" && url.charAt(1) !== "\\";
    }

    function stateClass(state) {
        return STATES.indexOf(state) >= 0 ? "kf-state-" + state.toLowerCase() : "kf-state-unknown";
    }

    function feedUrl(base, start, end) {
        var url = new URL(base, window.location.href);
        url.searchParams.set("start", start);
        url.searchParams.set("end", end);
        return url.pathname + url.search;
    }

    function toCalendarEvents(data, gantt) {
        var out = [];
        (data.events || []).forEach(function (e) {
            var state = typeof e.state === "string" ? e.state : "";
            out.push({
                id: String(e.id),
                resourceIds: e.resourceId != null ? [String(e.resourceId)] : [],
                title: e.title || "",
                start: e.start,
                end: e.end,
                classNames: ["kf-shift", stateClass(state)],
                extendedProps: { kind: "shift", state: state, label: e.label || "", url: sameOriginPath(e.url) ? e.url : null }
            });
        });
        (data.holidays || []).forEach(function (h) {
            if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date || "")) { return; }
            var end = addDays(h.date, 1);
            // The shaded day, in every view and every row of the board …
            out.push({ id: "kf-holiday-bg-" + h.date, start: h.date, end: end, allDay: true, display: "background", classNames: ["kf-holiday-bg"] });
            // … and its name: an all-day marker (on the board, in a row of its own).
            out.push({
                id: "kf-holiday-" + h.date, start: h.date, end: end, allDay: true, title: h.name || "",
                resourceIds: gantt ? [HOLIDAY_ROW] : [],
                classNames: ["kf-holiday"], extendedProps: { kind: "holiday" }
            });
        });
        return out;
    }

    function toResources(data, labels) {
        var resources = (data.resources || []).map(function (r) { return { id: String(r.id), title: r.title || "" }; });
        if ((data.holidays || []).length > 0) {
            resources.unshift({ id: HOLIDAY_ROW, title: label(labels, "holiday", "Holiday"), extendedProps: { kind: "holiday" } });
        }
        return resources;
    }

    function text(tag, cls, value) {
        var node = document.createElement(tag);
        node.className = cls;
        node.textContent = value;
        return node;
    }

    function eventContent(info) {
        var props = info.event.extendedProps || {};
        if (info.event.display === "background") { return ""; }
        var title = typeof info.event.title === "string" ? info.event.title : "";
        var box = document.createElement("div");
        box.className = "kf-ev";
        if (props.kind === "holiday") {
            box.appendChild(text("span", "kf-ev-title", title));
            return { domNodes: [box] };
        }
        if (info.timeText) { box.appendChild(text("span", "kf-ev-time", info.timeText)); }
        // A real link (keyboard, middle click, screen readers); CSS stretches it over the whole event.
        var name = props.url ? text("a", "kf-ev-title", title) : text("span", "kf-ev-title", title);
        if (props.url) { name.href = props.url; }
        box.appendChild(name);
        if (props.label) { box.appendChild(text("span", "kf-ev-label", props.label)); }
        return { domNodes: [box] };
    }

    function legend(labels) {
        var list = document.createElement("ul");
        list.className = "kf-cal-legend";
        if (labels.legend) { list.setAttribute("aria-label", labels.legend); }
        STATES.concat(["holiday"]).forEach(function (key) {
            var item = document.createElement("li");
            item.appendChild(text("span", "kf-cal-swatch " + (key === "holiday" ? "kf-holiday" : stateClass(key)), ""));
            item.firstChild.setAttribute("aria-hidden", "true");
            item.appendChild(document.createTextNode(label(labels, key, key)));
            list.appendChild(item);
        });
        return list;
    }

    function connectLive(hubUrl, refresh) {
        if (!window.signalR) { return null; }
        var connection = new window.signalR.HubConnectionBuilder()
            .withUrl(hubUrl)
            .withAutomaticReconnect()
            .configureLogging(window.signalR.LogLevel.Warning)
            .build();
        connection.on("shiftsChanged", refresh);
        // Changes made while the connection was down were missed: fetch again once it is back.
        connection.onreconnected(refresh);
        var delay = 2000;
        var startedOnce = false;
        function start() {
            connection.start().then(function () {
                // Back after a close: what changed meanwhile was not announced.
                if (startedOnce) { refresh(); }
                startedOnce = true;
                delay = 2000;
            }, function () {
                // withAutomaticReconnect only covers a connection that once stood: retry the first start too.
                window.setTimeout(start, delay);
                delay = Math.min(delay * 2, 60000);
            });
        }
        connection.onclose(function () { window.setTimeout(start, delay); });
        start();
        return connection;
    }

    function init(el) {
        if (el.hasAttribute("data-kf-calendar-ready") || !window.EventCalendar) { return; }
        el.setAttribute("data-kf-calendar-ready", "");

        var labels = parseLabels(el);
        var requested = el.getAttribute("data-view") || "month";
        var gantt = requested === "gantt";
        var views = gantt ? GANTT_VIEWS : CALENDAR_VIEWS;
        var lang = el.getAttribute("data-locale") || "zh-HK";
        var firstDay = parseInt(el.getAttribute("data-first-day") || "0", 10);
        var date = el.getAttribute("data-date");
        var narrow = window.matchMedia && window.matchMedia("(max-width: 575.98px)").matches;
        var status = text("p", "kf-cal-status visually-hidden", "");
        status.setAttribute("role", "status");

        // One request per visible range feeds both the events and (on the board) the rows.
        var cache = { key: null, promise: null };
        function load(start, end) {
            var url = feedUrl(el.getAttribute("data-events"), start, end);
            if (cache.key !== url || !cache.promise) {
                cache.key = url;
                cache.promise = window.fetch(url, { credentials: "same-origin", cache: "no-cache", headers: { Accept: "application/json" } })
                    .then(function (r) {
                        if (!r.ok) { throw new Error("HTTP " + r.status); }
                        return r.json();
                    });
                cache.promise.then(function () { status.textContent = ""; }, function () {
                    cache.promise = null;
                    status.textContent = label(labels, "loadFailed", "");
                    status.classList.toggle("visually-hidden", !status.textContent);
                });
            }
            return cache.promise;
        }
        function range(info) {
            return [(info.startStr || ymd(info.start)).slice(0, 10), (info.endStr || ymd(info.end)).slice(0, 10)];
        }

        var buttonKeys = gantt ? ["day", "week", "month"] : ["month", "week", "day", "list"];
        var options = {
            view: gantt ? GANTT_VIEWS.week : (CALENDAR_VIEWS[requested] || CALENDAR_VIEWS.month),
            locale: INTL_LOCALES[lang] || lang,
            firstDay: isNaN(firstDay) ? 0 : Math.max(0, Math.min(6, firstDay)),
            timeZone: zoneOffset(el.getAttribute("data-time-zone")),
            headerToolbar: {
                start: "prev,next today",
                center: "title",
                end: buttonKeys.map(function (k) { return views[k]; }).join(",")
            },
            buttonText: function (defaults) {
                var t = Object.assign({}, defaults, { today: label(labels, "today", defaults.today) });
                buttonKeys.forEach(function (k) { t[views[k]] = label(labels, k, defaults[views[k]]); });
                if (labels.prev) { t.prev = labels.prev; }
                if (labels.next) { t.next = labels.next; }
                return t;
            },
            eventSources: [{
                events: function (info) {
                    var r = range(info);
                    return load(r[0], r[1]).then(function (data) { return toCalendarEvents(data, gantt); });
                }
            }],
            eventContent: eventContent,
            eventClick: function (info) {
                // The link inside handles its own clicks; this covers the rest of the event (padding, the label).
                var url = (info.event.extendedProps || {}).url;
                if (url && !(info.jsEvent && info.jsEvent.target && info.jsEvent.target.closest && info.jsEvent.target.closest("a"))) {
                    window.location.assign(url);
                }
            },
            eventDidMount: function (info) {
                var p = info.event.extendedProps || {};
                if (p.kind === "shift" && info.el) {
                    info.el.setAttribute("title", [info.event.title, p.label].filter(Boolean).join(" · "));
                    // The link inside is the control (keyboard, screen readers); a button around it would nest two.
                    if (info.el.querySelector("a[href]")) {
                        info.el.removeAttribute("role");
                        info.el.removeAttribute("tabindex");
                    }
                }
            },
            noEventsContent: label(labels, "noEvents", ""),
            // The all-day row of the week and day views holds holidays only.
            allDayContent: label(labels, "allDay", label(labels, "holiday", "")),
            eventTimeFormat: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
            slotLabelFormat: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
            dayMaxEvents: true,
            moreLinkContent: function (arg) { return "+" + arg.num; },
            scrollTime: "07:00:00",
            slotMinTime: "07:00:00",
            slotMaxTime: "22:00:00",
            flexibleSlotTimeLimits: true,
            nowIndicator: true,
            // calendar.css styles some views apart (the month board has narrow day columns).
            datesSet: function (info) { host.setAttribute("data-kf-view", info.view.type); },
            loading: function (isLoading) { el.setAttribute("aria-busy", isLoading ? "true" : "false"); },
            views: {
                // A phone's columns are about 48 px: "一" and "29" rather than "週一" and "29日".
                timeGridWeek: narrow ? { dayHeaderFormat: { weekday: "narrow", day: "numeric" } } : {},
                dayGridMonth: narrow ? {
                    dayHeaderFormat: { weekday: "narrow" },
                    dayCellFormat: function (d) { return String(d.getDate()); }
                } : {},
                resourceTimelineDay: { slotDuration: "01:00", slotWidth: 72 },
                // A week or a month: one column a day, the shifts of the day side by side in it.
                kfTimelineWeek: {
                    type: "resourceTimelineMonth", duration: { weeks: 1 },
                    titleFormat: { year: "numeric", month: "short", day: "numeric" }
                }
            }
        };
        if (/^\d{4}-\d{2}-\d{2}$/.test(date || "")) { options.date = date; }
        if (gantt) {
            options.resources = function (info) {
                var r = range(info);
                return load(r[0], r[1]).then(function (data) { return toResources(data, labels); });
            };
            options.refetchResourcesOnNavigate = true;
        }

        var host = document.createElement("div");
        host.className = "kf-calendar" + (gantt ? " kf-gantt" : "");
        if (gantt && labels.gantt) {
            host.setAttribute("role", "region");
            host.setAttribute("aria-label", labels.gantt);
        }
        el.appendChild(host);
        el.appendChild(status);
        if (el.getAttribute("data-legend") !== "false") { el.appendChild(legend(labels)); }
        var calendar = window.EventCalendar.create(host, options);
        plainGrid(host);

        var pending = null;
        function refresh() {
            // Several changes in a burst cost one fetch.
            window.clearTimeout(pending);
            pending = window.setTimeout(function () {
                cache.promise = null;
                calendar.refetchEvents();
                if (gantt) { calendar.refetchResources(); }
            }, 250);
        }
        // Filters swapped in by the page change data-events: fetch again with the new query.
        new MutationObserver(refresh).observe(el, { attributes: true, attributeFilter: ["data-events"] });

        var hub = el.getAttribute("data-live-hub");
        if (hub) { connectLive(hub, refresh); }
        el.kfCalendar = calendar;
    }

    function initAll(root) {
        var scope = root && root.querySelectorAll ? root : document;
        if (scope.matches && scope.matches("[data-kf-calendar]")) { init(scope); }
        Array.prototype.forEach.call(scope.querySelectorAll("[data-kf-calendar]"), init);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { initAll(document); });
    } else {
        initAll(document);
    }
    // Calendars that arrive in an htmx swap.
    document.addEventListener("htmx:load", function (e) { initAll(e.target); });
})();
