// Passkeys (WebAuthn) for Kaifong: forms with data-passkey="create" or "get" ask the server for options,
// call the browser, put the credential in the hidden credentialJson field and submit. Hidden where unsupported.
(function () {
    "use strict";
    var supported = !!(window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON);
    document.querySelectorAll("form[data-passkey]").forEach(function (form) {
        if (!supported) { form.hidden = true; return; }
        form.addEventListener("submit", function (e) {
            if (form.dataset.ready === "1") { return; }
            e.preventDefault();
            var mode = form.getAttribute("data-passkey");
            var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
            var error = form.querySelector("[data-passkey-error]");
            fetch(form.getAttribute("data-options-url"), { method: "POST", headers: { "RequestVerificationToken": token }, credentials: "same-origin" })
                .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
                .then(function (options) {
                    return mode === "create"
                        ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                        : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                })
                .then(function (credential) {
                    form.querySelector('input[name="credentialJson"]').value = JSON.stringify(credential);
                    form.dataset.ready = "1";
                    form.submit();
                })
                .catch(function () { if (error) { error.hidden = false; } });
        });
    });
})();
