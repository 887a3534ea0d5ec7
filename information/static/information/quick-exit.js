/* Quick exit ("Lämna sidan snabbt"): leave for a neutral site at once.
   The link works without this script; the script only makes leaving faster and keeps
   the page out of Back: location.replace() swaps the current history entry.
   Three presses of Shift in a row do the same (as GOV.UK's "Exit this page").
   Nothing is stored on the device. */
(function () {
    "use strict";
    var link = document.querySelector("[data-quick-exit]");
    if (!link) { return; }
    var target = link.href;
    var leaving = false;

    function leave(event) {
        if (event) { event.preventDefault(); }
        if (leaving) { return; }
        leaving = true;
        document.documentElement.style.visibility = "hidden";
        document.title = "";
        window.location.replace(target);
    }

    link.addEventListener("click", leave);

    var presses = 0;
    var timer = null;
    var WINDOW_MS = 5000;

    document.addEventListener("keyup", function (event) {
        if (event.key !== "Shift") {
            presses = 0;
            return;
        }
        presses += 1;
        window.clearTimeout(timer);
        if (presses >= 3) {
            presses = 0;
            leave();
            return;
        }
        timer = window.setTimeout(function () { presses = 0; }, WINDOW_MS);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Shift") { presses = 0; }
    });

    /* Coming back through the browser cache (bfcache) must not show the page again. */
    window.addEventListener("pageshow", function (event) {
        if (event.persisted && leaving) { window.location.replace(target); }
    });
})();
