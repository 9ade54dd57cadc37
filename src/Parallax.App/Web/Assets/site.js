// Parallax: a little plain script on top of pages that work without it. Keyboard: j/k move between items,
// o or Enter opens the selected one, / goes to search, ? shows the shortcuts, t switches the theme.
// Relative times ("3 hours ago") are rendered by the server and kept fresh here; the absolute time is their title.
(function () {
  "use strict";

  var root = document.documentElement;
  try {
    var saved = localStorage.getItem("parallax-theme");
    if (saved === "light" || saved === "dark") { root.setAttribute("data-theme", saved); }
  } catch (e) { /* storage may be off; the system theme stays */ }

  function toggleTheme() {
    var dark = root.getAttribute("data-theme") === "dark" ||
      (!root.hasAttribute("data-theme") && window.matchMedia("(prefers-color-scheme: dark)").matches);
    var next = dark ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { localStorage.setItem("parallax-theme", next); } catch (e) { /* not kept */ }
  }

  function relative(iso) {
    var then = Date.parse(iso);
    if (isNaN(then)) { return null; }
    var seconds = Math.round((Date.now() - then) / 1000);
    var future = seconds < 0;
    seconds = Math.abs(seconds);
    var units = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60]];
    for (var i = 0; i < units.length; i++) {
      var n = Math.floor(seconds / units[i][1]);
      if (n >= 1) {
        var text = n + " " + units[i][0] + (n === 1 ? "" : "s");
        return future ? "in " + text : text + " ago";
      }
    }
    return "just now";
  }

  function refreshTimes() {
    var times = document.querySelectorAll("time[data-relative]");
    for (var i = 0; i < times.length; i++) {
      var text = relative(times[i].getAttribute("datetime"));
      if (text) { times[i].textContent = text; }
    }
  }

  var selected = -1;
  function items() { return Array.prototype.slice.call(document.querySelectorAll("[data-nav-item]")); }

  function select(index) {
    var list = items();
    if (list.length === 0) { return; }
    index = Math.max(0, Math.min(list.length - 1, index));
    if (selected >= 0 && list[selected]) { list[selected].classList.remove("is-selected"); }
    selected = index;
    var item = list[selected];
    item.classList.add("is-selected");
    var link = item.querySelector("[data-nav-link]") || item.querySelector("a");
    if (link) { link.focus({ preventScroll: true }); }
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function openSelected() {
    var list = items();
    var item = list[selected];
    if (!item) { return; }
    var link = item.querySelector("[data-nav-link]") || item.querySelector("a");
    if (link) { window.location.href = link.href; }
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      if (event.key === "Escape" && typing(event.target)) { event.target.blur(); }
      return;
    }
    var help = document.getElementById("keyboard-help");
    switch (event.key) {
      case "j": select(selected + 1); event.preventDefault(); break;
      case "k": select(selected < 0 ? 0 : selected - 1); event.preventDefault(); break;
      case "o": openSelected(); event.preventDefault(); break;
      case "Enter": if (selected >= 0 && document.activeElement === document.body) { openSelected(); event.preventDefault(); } break;
      case "/":
        var search = document.getElementById("q");
        if (search) { search.focus(); search.select(); event.preventDefault(); }
        break;
      case "?":
        if (help && typeof help.showModal === "function") { if (help.open) { help.close(); } else { help.showModal(); } event.preventDefault(); }
        break;
      case "t": toggleTheme(); event.preventDefault(); break;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    refreshTimes();
    window.setInterval(refreshTimes, 60000);
    var toggle = document.getElementById("theme-toggle");
    if (toggle) { toggle.hidden = false; toggle.addEventListener("click", toggleTheme); }
    var helpButton = document.getElementById("help-button");
    var help = document.getElementById("keyboard-help");
    if (helpButton && help && typeof help.showModal === "function") {
      helpButton.hidden = false;
      helpButton.addEventListener("click", function () { help.showModal(); });
    }
  });
})();
