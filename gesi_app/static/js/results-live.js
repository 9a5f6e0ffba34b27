// The prioritising results, live: on each "results" event (Server-Sent Events) the page asks
// the server for itself again and swaps only the results' inner content, then #live-status
// says "Results updated". A button pauses and resumes. Without this script the page shows the
// results as of its load, with a reload link.
(function () {
  "use strict";
  var root = document.getElementById("prioritise-results");
  if (!root || !window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var body = document.getElementById("prioritise-results-body");
  var control = document.getElementById("results-control");
  var status = document.getElementById("live-status");
  var paused = false;
  var missed = false;
  var timer = null;

  function say(message) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function refresh() {
    timer = null;
    fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html")
          .getElementById("prioritise-results-body");
        if (!fresh || body.contains(document.activeElement)) { missed = true; return; }
        body.innerHTML = fresh.innerHTML;
        say(root.getAttribute("data-updated"));
      })
      .catch(function () { missed = true; });
  }

  function later() {
    if (paused) { missed = true; return; }
    if (!timer) { timer = window.setTimeout(refresh, 500); }
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button button-secondary";
  button.setAttribute("aria-pressed", "false");
  button.textContent = root.getAttribute("data-pause");
  button.addEventListener("click", function () {
    paused = !paused;
    button.setAttribute("aria-pressed", paused ? "true" : "false");
    button.textContent = root.getAttribute(paused ? "data-resume" : "data-pause");
    if (!paused && missed) { missed = false; later(); }
  });
  control.textContent = "";
  control.appendChild(button);

  var source = new EventSource(root.getAttribute("data-events"));
  source.addEventListener("results", later);
})();
