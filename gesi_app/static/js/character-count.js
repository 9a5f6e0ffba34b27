/* Character count for long text boxes. An enhancement only: without it the hint already
   says the limit, and the server checks it and keeps what was typed. The visible count
   updates as you type; screen readers hear it through the page's status region only after
   a pause, so typing is not interrupted. */
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  document.querySelectorAll("[data-count]").forEach(function (container) {
    var limit = parseInt(container.getAttribute("data-count"), 10);
    var field = container.querySelector("textarea");
    if (!field || !limit) { return; }
    var message = document.createElement("p");
    message.id = field.id + "-count";
    message.className = "hint char-count";
    field.insertAdjacentElement("afterend", message);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + message.id);
    var timer = null;
    function text() {
      var left = limit - field.value.length;
      var template = container.getAttribute(left >= 0 ? "data-count-left" : "data-count-over");
      return { over: left < 0, words: template.replace("%(num)s", String(Math.abs(left))) };
    }
    function render(announce) {
      var now = text();
      message.textContent = now.words;
      message.classList.toggle("char-count-over", now.over);
      if (announce && status) {
        clearTimeout(timer);
        timer = setTimeout(function () { status.textContent = now.words; }, 1000);
      }
    }
    field.addEventListener("input", function () { render(true); });
    render(false);
  });
})();
