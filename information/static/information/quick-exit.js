/* Quick exit ("Lämna sidan snabbt"): leave for a neutral site at once.
   The link works without this script; the script only makes leaving faster and keeps
   the whole visit out of Back:

   - while on the site, following a link or sending a search/filter form *replaces* the
     current history entry (location.replace) instead of adding one, so the whole visit
     is a single entry in the browser's history;
   - leaving replaces that one entry with the neutral site, so Back goes to whatever the
     visitor had open before they came, never to a page of this site.

   Three presses of Shift in a row do the same (as GOV.UK's "Exit this page").
   Nothing is stored on the device. No inline script or style: the page's Content
   Security Policy allows scripts from this site only. */
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

    /* One history entry for the whole visit. */
    function sameSite(url) {
        return url.origin === window.location.origin && (url.protocol === "http:" || url.protocol === "https:");
    }

    document.addEventListener("click", function (event) {
        if (event.defaultPrevented || event.button !== 0) { return; }
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
        var anchor = event.target.closest ? event.target.closest("a[href]") : null;
        if (!anchor || anchor === link) { return; }
        if (anchor.hasAttribute("download")) { return; }
        if (anchor.target && anchor.target !== "_self") { return; }
        var url = new URL(anchor.href, window.location.href);
        if (!sameSite(url)) { return; }
        if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) {
            return;  /* a jump within the page (skip link, glossary term) adds no entry worth hiding */
        }
        event.preventDefault();
        window.location.replace(url.href);
    });

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form || (form.method || "get").toLowerCase() !== "get") { return; }
        var url = new URL(form.action || window.location.href, window.location.href);
        if (!sameSite(url)) { return; }
        var params = new URLSearchParams();
        new FormData(form, event.submitter || undefined).forEach(function (value, name) {
            if (typeof value === "string") { params.append(name, value); }
        });
        url.search = params.toString();
        event.preventDefault();
        window.location.replace(url.href);
    });
})();
