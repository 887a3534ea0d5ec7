/* After filtering the measure list the page reloads; move focus (and the view) to the
   results heading, which says how many measures match, instead of leaving a keyboard or
   screen-reader user at the top of the page above the filters. External file: the
   Content Security Policy allows no inline script. */
(function () {
    "use strict";
    if (!window.location.search) { return; }
    var heading = document.getElementById("results-heading");
    if (!heading) { return; }
    heading.focus();
    heading.scrollIntoView({ block: "start" });
})();
