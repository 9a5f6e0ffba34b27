/* When htmx replaces a region that held the focus (a support button, a page link), the focus
   would fall back to the top of the page. Put it on the region's new heading or message. */
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail && event.detail.target;
  if (!target || !target.hasAttribute("data-keep-focus")) return;
  var active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  var next = target.querySelector("[data-focus-after-swap]");
  if (next) next.focus();
});
