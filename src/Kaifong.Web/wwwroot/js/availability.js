// 可服務時段: a tap on a day of the month cycles it 照常 → 不可服務 → 全日可以 in the page, without a round trip.
// Without this file each day is a submit button and the server does the same.
(function () {
    "use strict";
    var grid = document.querySelector("[data-kf-month]");
    if (!grid) { return; }
    var labels = JSON.parse(grid.getAttribute("data-labels") || "{}");
    var icons = { usual: "", off: "\u2715", on: "\u2713" };
    var next = { off: "on", on: "usual" };
    grid.addEventListener("click", function (e) {
        var cell = e.target.closest("button[data-day]");
        if (!cell) { return; }
        e.preventDefault();
        var state = next[cell.getAttribute("data-state")] || "off";
        document.getElementById("day-" + cell.getAttribute("data-day")).value = state;
        cell.setAttribute("data-state", state);
        cell.querySelector(".kf-day-icon").textContent = icons[state];
        cell.querySelector(".kf-day-state").textContent = labels[state] || state;
    });
})();
