// Quick capture: Enter saves in the background and the text box is ready for the next input.
// Without this script the same form posts and redirects back with the choices kept.
// Single-key shortcuts work only while a choice (radio or checkbox) has focus, and a button
// turns them off (WCAG 2.1.4).
(function () {
  "use strict";
  var form = document.querySelector("form.capture");
  if (!form || !window.fetch) { return; }
  var box = document.getElementById("text");
  var status = document.getElementById("live-status");
  var recent = document.getElementById("capture-recent");
  var shortcuts = true;

  function say(message) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  form.addEventListener("submit", function (event) {
    if (!box.value.trim() || !form.querySelector("input[name=agenda_item]:checked")) {
      return; // the server shows the error summary
    }
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    var text = box.value;
    var agenda = form.querySelector("input[name=agenda_item]:checked");
    var label = document.querySelector("label[for='" + agenda.id + "']").textContent;
    fetch(form.action, {
      method: "POST",
      body: body,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status === 400) { form.submit(); return null; }
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      if (!data) { return; }
      if (box.value === text) { box.value = ""; }
      var li = document.createElement("li");
      var strong = document.createElement("strong");
      strong.textContent = label.replace(/^\d+ · /, "") + ":";
      var span = document.createElement("span");
      span.className = "pre-line";
      span.textContent = text;
      li.appendChild(strong);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(span);
      recent.insertBefore(li, recent.firstChild);
      while (recent.children.length > 5) { recent.removeChild(recent.lastChild); }
      box.focus();
      say(data.status);
    }).catch(function () {
      box.focus();
      say(form.getAttribute("data-failed"));
    });
  });

  var keys = { w: "woman", p: "woman", m: "man", l: "man", n: "skip", t: "skip" };
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!shortcuts || event.ctrlKey || event.altKey || event.metaKey) { return; }
    if (!target.matches || !target.matches("input[type=radio], input[type=checkbox]")) { return; }
    var key = event.key.toLowerCase();
    var choice = null;
    if (/^[1-9]$/.test(key)) {
      choice = form.querySelectorAll("input[name=agenda_item]")[Number(key) - 1];
    } else if (keys[key]) {
      choice = form.querySelector("input[name=gender][value=" + keys[key] + "]");
    } else if (key === "y" || key === "d") {
      var box2 = form.querySelector("input[name=also][value=" + (key === "y" ? "youth" : "disability") + "]");
      if (box2) { box2.checked = !box2.checked; }
      event.preventDefault();
      return;
    }
    if (choice) {
      choice.checked = true;
      event.preventDefault();
    }
  });

  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "button button-secondary";
  toggle.setAttribute("aria-pressed", "true");
  toggle.textContent = form.getAttribute("data-shortcuts");
  toggle.addEventListener("click", function () {
    shortcuts = !shortcuts;
    toggle.setAttribute("aria-pressed", shortcuts ? "true" : "false");
  });
  var hint = document.createElement("p");
  hint.className = "hint";
  hint.textContent = form.getAttribute("data-shortcuts-hint");
  var help = document.getElementById("capture-help");
  help.parentNode.insertBefore(hint, help.nextSibling);
  help.parentNode.insertBefore(toggle, hint.nextSibling);
})();
