/* Attendance register: save each mark as soon as it is chosen.
   Without this script the register is a plain form with a Save button. */
(function () {
    "use strict";
    var form = document.querySelector("[data-attendance-form]");
    if (!form || !window.fetch || !window.FormData) return;
    var texts = JSON.parse(document.getElementById("attendance-texts").textContent);
    var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
    var failed = new Set();

    function show(row, state, message) {
        row.dataset.state = state;
        var out = row.querySelector("[data-row-state]");
        out.textContent = message;
        if (state === "error") {
            var retry = document.createElement("button");
            retry.type = "button";
            retry.className = "link-button register__retry";
            retry.textContent = texts.retry;
            retry.addEventListener("click", function () { save(row); });
            out.append(" ", retry);
        }
    }

    // One request per row at a time; a newer choice waits and then wins.
    function save(row) {
        var checked = row.querySelector("input[type=radio]:checked");
        if (!checked) return;
        if (row.busy) { row.again = true; return; }
        row.busy = true;
        row.again = false;
        show(row, "saving", texts.saving);
        var body = new FormData();
        body.append("enrollment", row.dataset.enrollment);
        body.append("status", checked.value);
        fetch(form.action, {
            method: "POST",
            body: body,
            credentials: "same-origin",
            headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (data) {
                if (response.ok && data.ok) return data;
                var refused = new Error(data.error || texts.error);
                refused.fromServer = true;
                throw refused;
            });
        }).then(function () {
            failed.delete(row);
            show(row, "saved", texts.saved);
        }).catch(function (error) {
            failed.add(row);
            // A network failure's own message means nothing to her.
            show(row, "error", error.fromServer ? error.message : texts.error);
        }).finally(function () {
            row.busy = false;
            if (row.again) save(row);
        });
    }

    form.addEventListener("change", function (event) {
        if (event.target.type !== "radio") return;
        save(event.target.closest("[data-enrollment]"));
    });
    // Back online: send again whatever did not get through.
    window.addEventListener("online", function () { failed.forEach(save); });
})();
