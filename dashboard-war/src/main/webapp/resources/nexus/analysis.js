// The analysis panel of the conversation page (section#analysis-panel). Generate, Regenerate and
// Retry send POST requests to /api/analyses with the page's CSRF token. While the analysis is pending
// or processing, an EventSource on /api/analyses/stream follows its status, and the page reloads
// once when it is completed or failed. Nothing polls: after the stream connects, one read of the
// status catches a change that happened before it did.
(function () {
  "use strict";

  var STREAM_PATH = "/api/analyses/stream";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : null;
  }

  function showMessage(text) {
    var message = document.getElementById("analysis-message");
    if (message) {
      message.textContent = text;
    }
  }

  function analysisPath(panel) {
    return "/api/analyses/" + encodeURIComponent(panel.getAttribute("data-conversation")) + "/" +
      encodeURIComponent(panel.getAttribute("data-branch"));
  }

  function finished(status) {
    return status === "completed" || status === "failed";
  }

  function follow(panel) {
    var source = new EventSource(STREAM_PATH);
    var done = false;
    function settle(status) {
      if (done) {
        return;
      }
      var label = document.getElementById("analysis-status");
      if (label && status === "processing") {
        label.textContent = "Analysing";
      }
      if (finished(status)) {
        done = true;
        source.close();
        window.location.reload();
      }
    }
    source.addEventListener("connected", function () {
      fetch(analysisPath(panel), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (analysis) {
          if (analysis) {
            settle(analysis.status);
          }
        })
        .catch(function () { /* the stream's events still arrive */ });
    });
    source.addEventListener("analysis", function (event) {
      var change;
      try {
        change = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (change.conversationId === panel.getAttribute("data-conversation") &&
          change.branchId === panel.getAttribute("data-branch")) {
        settle(change.status);
      }
    });
  }

  function send(panel, path, body) {
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    var token = csrfToken();
    if (token) {
      headers["X-CSRF-Token"] = token;
    }
    showMessage("Sending the request...");
    fetch(path, { method: "POST", credentials: "same-origin", headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            var error = json.error;
            var text = typeof error === "string" ? error : (error && error.message) || response.statusText;
            if (json.details) {
              text += ": " + json.details.join("; ");
            }
            showMessage("The request failed (" + response.status + "): " + text);
            return;
          }
          window.location.reload();
        });
      })
      .catch(function () {
        showMessage("The request failed: the dashboard did not answer. Try again.");
      });
  }

  // Returns the prompt to send, or null for the default: an empty field, or the idle panel's field
  // left as the page filled it with the default prompt.
  function promptText(idle) {
    var prompt = document.getElementById("analysis-prompt");
    if (!prompt || prompt.value.trim() === "" || (idle && prompt.value === prompt.defaultValue)) {
      return null;
    }
    return prompt.value;
  }

  function init() {
    var panel = document.getElementById("analysis-panel");
    if (!panel) {
      return;
    }
    var state = panel.getAttribute("data-state");
    var generate = document.getElementById("analysis-generate");
    var retry = document.getElementById("analysis-retry");
    var regenerate = document.getElementById("analysis-regenerate");
    function create() {
      send(panel, "/api/analyses", {
        conversationId: panel.getAttribute("data-conversation"),
        branchId: panel.getAttribute("data-branch"),
        customPrompt: promptText(state === "idle")
      });
    }
    if (generate) {
      generate.addEventListener("click", create);
    }
    if (retry) {
      retry.addEventListener("click", create);
    }
    if (regenerate) {
      regenerate.addEventListener("click", function () {
        send(panel, analysisPath(panel) + "/regenerate", { customPrompt: promptText(false) });
      });
    }
    if (state === "pending" || state === "processing") {
      follow(panel);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
