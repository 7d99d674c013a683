// Kaifong: small progressive enhancements. Every page works without this file.
(function () {
    "use strict";
    // htmx requests carry the antiforgery token of the page.
    document.body.addEventListener("htmx:configRequest", function (e) {
        var token = document.querySelector('input[name="__RequestVerificationToken"]');
        if (token) { e.detail.headers["RequestVerificationToken"] = token.value; }
    });
    // "Copy" buttons: data-copy holds the text.
    document.addEventListener("click", function (e) {
        var b = e.target.closest("[data-copy]");
        if (!b || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function () {
            var done = b.getAttribute("data-copied");
            if (done) { b.textContent = done; }
        });
    });
    // Confirmation for destructive buttons: data-confirm holds the question.
    document.addEventListener("submit", function (e) {
        var b = e.submitter;
        if (b && b.hasAttribute("data-confirm") && !window.confirm(b.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
})();
