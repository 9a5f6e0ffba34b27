// Loaded only when the person turned "Play audio by itself" on in Display settings.
// Plays the page's question once; if the browser blocks sound before a click, nothing happens
// and the person can press Listen. Never plays hints, errors or anything else by itself.
(function () {
  "use strict";
  var player = document.querySelector(".audio-prompt-question audio");
  if (!player || typeof player.play !== "function") { return; }
  var started = player.play();
  if (started && typeof started.catch === "function") { started.catch(function () {}); }
})();
