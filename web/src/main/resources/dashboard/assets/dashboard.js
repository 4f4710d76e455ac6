// AgentLens dashboard behaviour. Served as a file so the Content-Security-Policy can forbid inline
// script; every page works without it (forms post, tables render), it only adds comfort.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  // Copy buttons: <button data-copy-target="id"> copies the text of the element with that id.
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy-target]");
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source) { return; }
    var text = source.textContent.trim();
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      button.setAttribute("aria-live", "polite");
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
    } else {
      selectText(source);
      try { document.execCommand("copy"); done(); } catch (ignored) { /* the text stays selected */ }
    }
  });

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // Destructive forms ask first: <form data-confirm="question">.
  document.addEventListener("submit", function (e) {
    var question = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { e.preventDefault(); }
  });

  // Charts: <canvas data-chart="time|models" data-series="{json}">, drawn with Chart.js (WebJar).
  function palette() {
    return { indigo: "#4338ca", teal: "#0f766e", amber: "#b45309", grid: "#e5e7eb", text: "#374151" };
  }

  function drawCharts(root) { // every canvas under root not drawn yet
    if (typeof window.Chart === "undefined") { return; }
    var c = palette();
    window.Chart.defaults.color = c.text;
    window.Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    (root && root.querySelectorAll ? root : document).querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (window.Chart.getChart(canvas)) { return; }
      var data = JSON.parse(canvas.getAttribute("data-series"));
      var kind = canvas.getAttribute("data-chart");
      var config;
      if (kind === "trend") {
        config = {
          type: "bar",
          data: {
            labels: data.labels,
            datasets: [
              { type: "bar", label: "Tokens", data: data.tokens, backgroundColor: c.indigo, yAxisID: "y" },
              { type: "line", label: "LLM calls", data: data.calls, borderColor: c.teal, backgroundColor: c.teal, yAxisID: "y1", tension: 0.25 },
              { type: "line", label: "Cost (USD)", data: data.cost, borderColor: c.amber, backgroundColor: c.amber, yAxisID: "y2", tension: 0.25, borderDash: [6, 4] }
            ]
          },
          options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            interaction: { mode: "index", intersect: false },
            scales: {
              y: { beginAtZero: true, title: { display: true, text: "Tokens" }, grid: { color: c.grid } },
              y1: { beginAtZero: true, position: "right", title: { display: true, text: "Calls" }, grid: { drawOnChartArea: false } },
              y2: { beginAtZero: true, position: "right", title: { display: true, text: "USD" }, grid: { drawOnChartArea: false } }
            }
          }
        };
      } else if (kind === "health") {
        config = {
          type: "line",
          data: { labels: data.labels, datasets: [{ label: "Overall health", data: data.overall, borderColor: c.indigo, backgroundColor: c.indigo, tension: 0.25 }] },
          options: { responsive: true, maintainAspectRatio: false, animation: false,
            scales: { y: { min: 0, max: 100, title: { display: true, text: "Score" }, grid: { color: c.grid } } } }
        };
      } else if (kind === "time") {
        config = {
          type: "bar",
          data: {
            labels: data.labels,
            datasets: [
              { type: "bar", label: "Calls", data: data.calls, backgroundColor: c.indigo, yAxisID: "y" },
              { type: "line", label: "Cost (USD)", data: data.cost, borderColor: c.amber, backgroundColor: c.amber, yAxisID: "y1", tension: 0.25 }
            ]
          },
          options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            scales: {
              y: { beginAtZero: true, title: { display: true, text: "Calls" }, grid: { color: c.grid } },
              y1: { beginAtZero: true, position: "right", title: { display: true, text: "USD" }, grid: { drawOnChartArea: false } }
            }
          }
        };
      } else {
        config = {
          type: "bar",
          data: { labels: data.labels, datasets: [{ label: "Cost (USD)", data: data.cost, backgroundColor: c.teal }] },
          options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
            scales: { x: { beginAtZero: true, grid: { color: c.grid } } } }
        };
      }
      new window.Chart(canvas, config);
    });
  }

  onReady(function () { drawCharts(document); });
  // htmx swaps (the trend range picker) and history restores bring new canvases
  document.addEventListener("htmx:afterSettle", function () { drawCharts(document); });
  document.addEventListener("htmx:historyRestore", function () { drawCharts(document); });
})();

// Print buttons (the compliance report): no inline handlers under the Content-Security-Policy.
document.addEventListener("click", (e) => {
  const button = e.target.closest ? e.target.closest("[data-print]") : null;
  if (button) {
    window.print();
  }
});
