// Quick capture: Enter saves in the background and the text box is ready for the next input.
// Without this script the same form posts and redirects back with the choices kept.
// Inputs wait in the browser (localStorage) until they are sent: when the connection drops,
// they stay there, "3 inputs waiting to send" shows (and is announced), and they go, oldest
// first, when it returns. Each carries a key of its own (client_key), and the server stores an
// input once per key, so one sent again after a lost answer is not stored twice.
// Single-key shortcuts work only while a choice (radio or checkbox) has focus, and a button
// turns them off (WCAG 2.1.4).
(function () {
  "use strict";
  var form = document.querySelector("form.capture");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var box = document.getElementById("text");
  var status = document.getElementById("live-status");
  var waiting = document.getElementById("capture-waiting");
  var recent = document.getElementById("capture-recent");
  var storeKey = "suara-capture:" + form.getAttribute("action");
  var shortcuts = true;
  var sending = false;
  var retry = null;

  function say(message) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "[]"); } catch (e) { return []; }
  }

  function save(queue) {
    try { window.localStorage.setItem(storeKey, JSON.stringify(queue)); } catch (e) { /* full */ }
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var key = "";
    while (key.length < 32) { key += Math.random().toString(36).slice(2); }
    return key.slice(0, 32);
  }

  function showWaiting(count) {
    if (!waiting) { return; }
    if (count === 0) {
      waiting.textContent = waiting.getAttribute("data-sent") && waiting.textContent ?
        waiting.getAttribute("data-sent") : "";
      return;
    }
    var one = waiting.getAttribute("data-one");
    var many = waiting.getAttribute("data-many");
    waiting.textContent = count === 1 ? one : many.replace("{n}", String(count));
  }

  function addRecent(item) {
    var li = document.createElement("li");
    var strong = document.createElement("strong");
    strong.textContent = item.label + ":";
    var span = document.createElement("span");
    span.className = "pre-line";
    span.textContent = item.text;
    li.appendChild(strong);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(span);
    recent.insertBefore(li, recent.firstChild);
    while (recent.children.length > 5) { recent.removeChild(recent.lastChild); }
  }

  function later() {
    if (retry) { return; }
    retry = window.setTimeout(function () { retry = null; send(); }, 5000);
  }

  // Send the oldest waiting input; on success the next, until none wait.
  function send() {
    var queue = load();
    if (sending || queue.length === 0) { showWaiting(queue.length); return; }
    sending = true;
    var item = queue[0];
    fetch(form.action, {
      method: "POST",
      body: item.body,
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status === 400 || response.status === 409) {
        // Refused (too long, or the forum has ended): post it the plain way, so the page
        // shows why with the words kept; any others wait here for the next page.
        save(load().filter(function (other) { return other.key !== item.key; }));
        box.value = item.text;
        form.submit();
        return null;
      }
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      if (!data) { return; }
      save(load().filter(function (other) { return other.key !== item.key; }));
      sending = false;
      addRecent(item);
      var left = load().length;
      showWaiting(left);
      if (left === 0) { say(data.status); }
      send();
    }).catch(function () {
      sending = false;
      showWaiting(load().length); // #capture-waiting is a status region: it is announced
      if (!waiting) { say(form.getAttribute("data-failed")); }
      later();
    });
  }

  form.addEventListener("submit", function (event) {
    if (!box.value.trim() || !form.querySelector("input[name=agenda_item]:checked")) {
      if (load().length === 0) { return; } // the server shows the error summary
      event.preventDefault(); // a post now would leave the waiting inputs behind
      box.focus();
      return;
    }
    event.preventDefault();
    var agenda = form.querySelector("input[name=agenda_item]:checked");
    var label = document.querySelector("label[for='" + agenda.id + "']").textContent;
    var body = new URLSearchParams(new FormData(form));
    var key = newKey();
    body.set("client_key", key);
    var queue = load();
    queue.push({ key: key, body: body.toString(), text: box.value, label: label.replace(/^\d+ · /, "") });
    save(queue);
    box.value = "";
    box.focus();
    if (sending || !navigator.onLine) { showWaiting(queue.length); }
    send();
  });

  window.addEventListener("online", send);
  window.addEventListener("offline", function () { showWaiting(load().length); });
  send(); // any left from before this page loaded

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
