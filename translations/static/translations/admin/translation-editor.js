/*
 * wagtail-localize 1.14's translation editor (a React script) writes two texts in English
 * whatever the admin language: the heading "Svenska to Arabiska translation" and the
 * screen-reader label "More actions" of its publish menu. This puts them into Swedish
 * after each render; everything else in the editor comes from its Swedish catalogue.
 */
(function () {
  "use strict";
  var HEADING = /^(.+) to (.+) translation$/;

  function swedish(root) {
    root.querySelectorAll("section h3").forEach(function (heading) {
      var match = HEADING.exec(heading.textContent);
      if (match) {
        heading.textContent = "Översättning från " + match[1].toLowerCase() + " till " + match[2].toLowerCase();
      }
    });
    root.querySelectorAll(".w-sr-only").forEach(function (label) {
      if (label.textContent === "More actions") {
        label.textContent = "Fler åtgärder";
      }
    });
  }

  function start() {
    var root = document.querySelector(".js-translation-editor");
    if (!root) {
      return;
    }
    swedish(root);
    new MutationObserver(function () {
      swedish(root);
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
