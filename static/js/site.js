/* The news modal. Without JavaScript the notice is plain content at the top of the page.
   With it, the notice opens as a modal <dialog> until the reader closes it (button or Esc);
   focus then returns where it was, and the dismissal is remembered in localStorage under a
   hash of the notice's text, so a new notice shows again. No cookie is set. */
(function () {
  "use strict";
  var notice = document.getElementById("news-notice");
  if (!notice || typeof HTMLDialogElement !== "function") return;
  var key = "newsroom-notice-dismissed:" + notice.getAttribute("data-notice-key");
  var opener = null;

  function remembered() {
    try { return window.localStorage.getItem(key) === "1"; } catch (e) { return false; }
  }
  function remember() {
    try { window.localStorage.setItem(key, "1"); } catch (e) { /* private mode: ask again */ }
  }

  var dialog = document.createElement("dialog");
  dialog.className = "news-modal";
  dialog.setAttribute("aria-labelledby", "news-notice-title");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "news-modal-close";
  close.textContent = notice.getAttribute("data-close-label") || "×";
  notice.parentNode.insertBefore(dialog, notice);
  dialog.appendChild(notice);
  dialog.appendChild(close);

  function open() {
    opener = document.activeElement;
    dialog.showModal();
    close.focus();
  }
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () {
    remember();
    if (opener && opener !== document.body && document.contains(opener)) opener.focus();
    opener = null;
  });

  var again = document.querySelector("[data-notice-open]");
  if (again) {
    again.hidden = false;
    again.addEventListener("click", open);
  }
  if (!remembered()) open();
})();
