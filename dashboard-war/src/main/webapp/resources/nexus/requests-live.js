// Live updates of the requests page. On the newest page (table#requests[data-live="true"]) it opens
// an EventSource on /api/requests/stream and inserts a row at the top of the table for each
// "request" event whose domain matches the page's filter. Rows are built with DOM methods and
// textContent only, so stored text never becomes markup. The #live-status element shows
// "connecting", "live", "paused" or "disconnected" in its data-state attribute and its text.
(function () {
  "use strict";

  var STREAM_PATH = "/api/requests/stream";
  // Bounds the rows added to one page view. Past it the stream closes and the status shows
  // "reload the page".
  var MAX_INSERTED_ROWS = 500;
  // Delay before opening a new stream after the browser gave up reconnecting by itself.
  var RECONNECT_DELAY_MS = 10000;

  var table;
  var body;
  var status;
  var toggle;
  var domain;
  var source = null;
  var paused = false;
  var queued = [];
  var inserted = 0;
  var reconnectTimer = null;

  function setState(state, text) {
    status.setAttribute("data-state", state);
    status.textContent = text;
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    return date.toISOString().slice(0, 19).replace("T", " ");
  }

  function formatCount(value) {
    return Number(value || 0).toLocaleString("en-US");
  }

  function cell(text, className) {
    var td = document.createElement("td");
    if (className) {
      td.className = className;
    }
    if (text !== null && text !== undefined) {
      td.textContent = String(text);
    }
    return td;
  }

  function buildRow(event) {
    var row = document.createElement("tr");
    row.id = "request-" + event.request_id;
    row.className = "request-row live-new";

    var timeCell = cell(null);
    var time = document.createElement("time");
    time.setAttribute("datetime", event.timestamp);
    time.textContent = formatTime(event.timestamp);
    timeCell.appendChild(time);
    row.appendChild(timeCell);

    row.appendChild(cell(event.domain));
    row.appendChild(cell(event.model));
    row.appendChild(cell(formatCount((event.input_tokens || 0) + (event.output_tokens || 0)), "num"));

    var statusCell = cell(null);
    var code = document.createElement("span");
    var ok = event.response_status >= 200 && event.response_status < 300;
    code.className = ok ? "status-ok" : "status-bad";
    code.textContent = event.response_status == null ? "none" : String(event.response_status);
    statusCell.appendChild(code);
    row.appendChild(statusCell);

    var linkCell = cell(null);
    var link = document.createElement("a");
    link.className = "nexus-id request-link";
    link.href = "/dashboard/request/" + encodeURIComponent(event.request_id);
    link.title = event.request_id;
    link.textContent = String(event.request_id).slice(0, 8);
    linkCell.appendChild(link);
    row.appendChild(linkCell);
    return row;
  }

  function insert(event) {
    if (document.getElementById("request-" + event.request_id)) {
      return;
    }
    if (inserted >= MAX_INSERTED_ROWS) {
      stop();
      setState("paused", "Paused after " + MAX_INSERTED_ROWS + " new requests: reload the page");
      toggle.disabled = true;
      return;
    }
    var empty = document.getElementById("requests-empty-row");
    if (empty) {
      empty.parentNode.removeChild(empty);
    }
    body.insertBefore(buildRow(event), body.firstChild);
    inserted++;
  }

  function onRequest(message) {
    var event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    if (!event || typeof event.request_id !== "string") {
      return;
    }
    if (domain && event.domain !== domain) {
      return;
    }
    if (paused) {
      queued.push(event);
      setState("paused", "Paused (" + queued.length + " new)");
      return;
    }
    insert(event);
  }

  function stop() {
    if (source) {
      source.close();
      source = null;
    }
    if (reconnectTimer) {
      clearTimeout(reconnectTimer);
      reconnectTimer = null;
    }
  }

  function connect() {
    stop();
    setState("connecting", "Connecting");
    source = new EventSource(STREAM_PATH);
    source.addEventListener("open", function () {
      if (paused) {
        setState("paused", queued.length ? "Paused (" + queued.length + " new)" : "Paused");
      } else {
        setState("live", "Live");
      }
    });
    source.addEventListener("request", onRequest);
    source.addEventListener("error", function () {
      setState("disconnected", "Disconnected");
      // The browser retries by itself while readyState is CONNECTING. CLOSED means it has given up.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        reconnectTimer = setTimeout(connect, RECONNECT_DELAY_MS);
      }
    });
  }

  function onToggle() {
    paused = !paused;
    toggle.textContent = paused ? "Resume" : "Pause";
    toggle.setAttribute("aria-pressed", paused ? "true" : "false");
    if (paused) {
      setState("paused", "Paused");
      return;
    }
    queued.forEach(insert);
    queued = [];
    if (source && source.readyState === EventSource.OPEN) {
      setState("live", "Live");
    } else if (!source) {
      connect();
    }
  }

  function start() {
    table = document.getElementById("requests");
    status = document.getElementById("live-status");
    toggle = document.getElementById("live-toggle");
    if (!table || !status || !toggle || table.getAttribute("data-live") !== "true") {
      return;
    }
    if (typeof EventSource === "undefined") {
      setState("disconnected", "Live updates need a browser with EventSource");
      return;
    }
    body = table.tBodies[0];
    domain = table.getAttribute("data-domain") || "";
    toggle.disabled = false;
    toggle.setAttribute("aria-pressed", "false");
    toggle.addEventListener("click", onToggle);
    window.addEventListener("pagehide", stop);
    // A page restored from the back-forward cache has no open stream.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && !source) {
        connect();
      }
    });
    connect();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
