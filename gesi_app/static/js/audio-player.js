/* Turns each "Listen" link into a play/pause button that plays the prompt in place.
   Without this script the link still works: the browser opens and plays the MP3.
   One shared player, so two prompts never talk over each other. */
(function () {
  "use strict";
  var player = new Audio();
  var current = null;
  function stopped() {
    if (current) { current.setAttribute("aria-pressed", "false"); }
    current = null;
  }
  player.addEventListener("ended", stopped);
  player.addEventListener("pause", stopped);
  function toggle(button) {
    // Pausing says so at once, not only when the "pause" event comes later.
    if (current === button && !player.paused) { player.pause(); stopped(); return; }
    player.pause();
    player.src = button.getAttribute("data-src");
    current = button;
    button.setAttribute("aria-pressed", "true");
    var started = player.play();
    if (started && typeof started.catch === "function") { started.catch(stopped); }
  }
  document.querySelectorAll("a[data-audio]").forEach(function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.setAttribute("data-src", link.getAttribute("href"));
    button.setAttribute("aria-pressed", "false");
    // The link's own nodes (its name and any hidden part of it), moved, never re-parsed.
    while (link.firstChild) { button.appendChild(link.firstChild); }
    button.addEventListener("click", function () { toggle(button); });
    link.replaceWith(button);
  });
  window.SuaraAudio = { player: player, toggle: toggle };
})();
