// The console's only script: a generation's progress bar follows its job once a second and
// opens the draft when the job is done. Without it, the page reloads itself (<noscript>).
(function () {
  "use strict";
  var box = document.querySelector("[data-poll]");
  if (!box) return;
  var bar = box.querySelector("progress"), phase = box.querySelector(".phase"), best = box.querySelector(".best");
  function tick() {
    fetch(box.getAttribute("data-poll"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (p) {
        if (p.next) { window.location.assign(p.next); return; }
        if (p.state === "failed") { window.location.reload(); return; }
        bar.value = Number(p.percent) || 0;
        bar.textContent = bar.value + "%";
        phase.textContent = p.phase_text || "";
        best.textContent = p.best_text || "";
        window.setTimeout(tick, 1000);
      })
      .catch(function () { window.setTimeout(tick, 3000); });
  }
  window.setTimeout(tick, 500);
})();
