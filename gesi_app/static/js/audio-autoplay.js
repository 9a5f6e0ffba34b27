// Loaded only when the person turned "Play audio by itself" on in Display settings, after
// audio-player.js. Plays the page's question once; if the browser blocks sound before a
// click, nothing happens and the person can press Listen. Never plays hints or errors on
// their own; with the Listen buttons hidden, it plays "Listen to this page" instead.
(function () {
  "use strict";
  var button = document.querySelector(".audio-prompt-question .audio-listen") ||
    document.querySelector(".audio-prompt-page .audio-listen");
  if (!button || !window.SuaraAudio) { return; }
  window.SuaraAudio.toggle(button);
})();
