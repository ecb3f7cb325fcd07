/* Turns each .timeline-chart's list into a vis-timeline chart: one range per item over the days its
   dates denote (the JSON's end is the last day; vis ends a range where the next day begins), its label a
   link to its page. Dates are read and drawn in UTC, so a year is a year wherever the reader is. */
(function () {
  "use strict";

  function nextDay(day) {
    var d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  function escaped(text) {
    var node = document.createElement("span");
    node.textContent = text;
    return node.innerHTML;
  }

  function content(item) {  // an element, never markup: labels come from the texts
    var node = document.createElement(item.page ? "a" : "span");
    if (item.page) node.href = item.page;
    node.textContent = item.label;
    return node;
  }

  document.querySelectorAll(".timeline-chart").forEach(function (box) {
    var items = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    if (!items.length || typeof vis === "undefined") return;
    var canvas = document.createElement("div");
    canvas.className = "timeline-canvas";
    box.appendChild(canvas);
    var data = new vis.DataSet(items.map(function (item, n) {
      var dates = item.dates.map(function (d) { return d.value; }).join(", ");
      return {id: n, content: content(item), start: item.start, end: nextDay(item.end), type: "range",
              title: escaped(item.label + " — " + dates), className: "kind-" + item.kind + " status-" + item.status};
    }));
    var timeline = new vis.Timeline(canvas, data, {
      moment: function (date) { return vis.moment(date).utc(); },
      orientation: "top", stack: true, zoomMin: 1000 * 60 * 60 * 24 * 14, margin: {item: 4}
    });
    box.querySelector(".timeline-list").hidden = true;
    timeline.on("changed", function () { box.dataset.ready = "true"; });
  });
})();
