/* Who else has this story open: a heartbeat every 30 seconds while the change form is open,
   and a goodbye when it closes. The server renders the sentence (in the user's language). */
(function () {
  "use strict";
  var INTERVAL = 30000;

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("story-presence");
    var tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (!box || !tokenInput) {
      return;
    }
    var url = box.dataset.url;

    function body(extra) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", tokenInput.value);
      if (extra) {
        data.append(extra, "1");
      }
      return data;
    }

    function beat() {
      fetch(url, { method: "POST", body: body(), credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) { box.innerHTML = data.html; } })
        .catch(function () { /* offline for a moment: the next beat tries again */ });
    }

    window.setInterval(beat, INTERVAL);
    window.addEventListener("pagehide", function () {
      if (navigator.sendBeacon) {
        navigator.sendBeacon(url, body("leave"));
      }
    });
  });
})();
