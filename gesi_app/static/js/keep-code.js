/* "Print this page" and "Copy the tracking code" buttons on the confirmation page. An
   enhancement only: without it the page says how to keep the code (write it down, take a
   screenshot, or use the browser's print). The result is announced in the status region. */
(function () {
  "use strict";
  var holder = document.getElementById("keep-code-actions");
  var code = document.querySelector(".tracking-code");
  var status = document.getElementById("live-status");
  if (!holder || !code) { return; }
  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button button-secondary";
    element.textContent = label;
    element.addEventListener("click", action);
    holder.appendChild(element);
  }
  button(holder.getAttribute("data-print"), function () { window.print(); });
  if (navigator.clipboard && window.isSecureContext) {
    button(holder.getAttribute("data-copy"), function () {
      navigator.clipboard.writeText(code.textContent.trim()).then(function () {
        if (status) { status.textContent = holder.getAttribute("data-copied"); }
      });
    });
  }
})();
