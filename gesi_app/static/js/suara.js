/* Loaded on every page. It only marks that scripts run, so styles can tell (GOV.UK's
   pattern); every page works without it. */
document.documentElement.classList.add("js-enabled");
