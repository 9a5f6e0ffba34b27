// Live inputs by Server-Sent Events, for the board and for a participant's forum page.
// data-live="board": new inputs go to the top of their agenda item, with a pause control.
// data-live="held": new inputs wait behind a "N new inputs - show" button, so nothing moves
// under a reader. Either way #live-status gets a short count ("3 new inputs"), never the text.
// An input a facilitator hides ("hide" event) leaves the page; one shown again ("restore")
// comes back in its place.
(function () {
  "use strict";
  var root = document.querySelector(".live-inputs[data-live]");
  if (!root || !window.EventSource) { return; }
  var mode = root.getAttribute("data-live");
  var status = document.getElementById("live-status");
  var waiting = [];
  var paused = false;
  var unannounced = 0;
  var timer = null;

  function text(name, n) {
    var one = root.getAttribute("data-" + name + "-one");
    if (n === 1 && one) { return one; }
    var many = root.getAttribute("data-" + name + "-many") || root.getAttribute("data-" + name) || "";
    return many.replace("{n}", String(n));
  }

  function say(message) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function announceLater() {
    unannounced += 1;
    if (timer) { return; }
    timer = window.setTimeout(function () {
      say(text("announce", unannounced));
      unannounced = 0;
      timer = null;
    }, 1000);
  }

  function item(data, withTime) {
    var li = document.createElement("li");
    li.id = "input-" + data.id;
    if (withTime) {
      var time = document.createElement("span");
      time.className = "board-time";
      time.textContent = data.time;
      li.appendChild(time);
      li.appendChild(document.createTextNode(" "));
    } else {
      var agenda = JSON.parse(document.getElementById("everyone-list").getAttribute("data-agenda"));
      var label = document.createElement("strong");
      label.textContent = (agenda[String(data.item)] || "") + ":";
      li.appendChild(label);
      li.appendChild(document.createTextNode(" "));
    }
    var body = document.createElement("span");
    body.className = "pre-line";
    // An input given by voice has no text: say so (the recording is for facilitators).
    var live = document.querySelector("[data-live]");
    body.textContent = data.text || (live && live.getAttribute("data-voice")) || "";
    li.appendChild(body);
    return li;
  }

  function showOnBoard(data) {
    var list = document.getElementById("item-" + data.item);
    if (list) { list.insertBefore(item(data, true), list.firstChild); }
  }

  function idOf(li) { return Number((li.id || "").replace("input-", "")) || 0; }

  // Put a restored input back where it was: the board lists newest first, the page oldest.
  function putBack(data) {
    var list = mode === "board" ? document.getElementById("item-" + data.item)
      : document.getElementById("everyone-list");
    if (!list || document.getElementById("input-" + data.id)) { return; }
    var li = item(data, mode === "board");
    var next = null;
    Array.prototype.some.call(list.children, function (other) {
      var before = mode === "board" ? idOf(other) < data.id : idOf(other) > data.id;
      if (before) { next = other; }
      return before;
    });
    list.insertBefore(li, next);
  }

  var control = root.querySelector(".live-control");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button button-secondary";

  if (mode === "board") {
    button.textContent = root.getAttribute("data-pause");
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      paused = !paused;
      button.setAttribute("aria-pressed", paused ? "true" : "false");
      if (!paused) {
        waiting.forEach(showOnBoard);
        waiting = [];
      }
      button.textContent = root.getAttribute(paused ? "data-resume" : "data-pause");
      say(root.getAttribute(paused ? "data-paused" : "data-resumed"));
    });
  } else {
    button.textContent = root.getAttribute("data-none");
    button.setAttribute("aria-disabled", "true");
    button.addEventListener("click", function () {
      var list = document.getElementById("everyone-list");
      waiting.forEach(function (data) { list.appendChild(item(data, false)); });
      var empty = root.querySelector(".live-empty");
      if (empty && waiting.length) { empty.hidden = true; }
      waiting = [];
      button.textContent = root.getAttribute("data-none");
      button.setAttribute("aria-disabled", "true");
    });
  }
  control.textContent = "";
  control.appendChild(button);

  var url = root.getAttribute("data-events") + "?after=" + root.getAttribute("data-last-id");
  var source = new EventSource(url);
  source.addEventListener("input", function (event) {
    var data = JSON.parse(event.data);
    if (mode === "board") {
      if (paused) {
        waiting.push(data);
        button.textContent = root.getAttribute("data-resume") + " (" +
          root.getAttribute("data-waiting").replace("{n}", String(waiting.length)) + ")";
        return;
      }
      showOnBoard(data);
    } else {
      waiting.push(data);
      button.textContent = text("new", waiting.length);
      button.removeAttribute("aria-disabled");
    }
    announceLater();
  });
  source.addEventListener("hide", function (event) {
    var data = JSON.parse(event.data);
    waiting = waiting.filter(function (w) { return w.id !== data.id; });
    var li = document.getElementById("input-" + data.id);
    if (li) { li.parentNode.removeChild(li); }
  });
  source.addEventListener("restore", function (event) {
    putBack(JSON.parse(event.data));
  });
})();
