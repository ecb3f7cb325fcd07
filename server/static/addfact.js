// A document's page, for curators: words selected in the text become the evidence of a fact to add, or
// the new evidence of a fact of the same paragraphs whose span was wrong. Each run of the text carries
// its character offset (data-start) and the facts marked on it (data-facts), so a selection maps to both.
(function () {
  const form = document.getElementById("add-fact");
  const text = document.querySelector(".document-text");
  if (!form || !text) return;
  const kind = document.getElementById("add-kind");
  const fix = document.getElementById("fix-span");
  const fixFact = document.getElementById("fix-fact");
  const summaries = JSON.parse(document.getElementById("part-facts").textContent);

  function offset(node, within) {
    const run = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest(".run");
    return run && text.contains(run) ? Number(run.dataset.start) + within : null;
  }

  function showFields() {
    const entity = ["person", "organisation", "place"].includes(kind.value);
    form.querySelectorAll("p[class^='for-']").forEach((p) => {
      const shown = (entity && p.classList.contains("for-entity")) || p.classList.contains("for-" + kind.value);
      p.hidden = !shown;
    });
  }

  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const start = offset(range.startContainer, range.startOffset);
    const end = offset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    document.getElementById("add-start").value = start;
    document.getElementById("add-end").value = end;
    document.getElementById("add-words").value = selection.toString();
    document.getElementById("add-submit").disabled = false;
    offerFacts(range, start, end);
  });

  function offerFacts(range, start, end) {
    // the facts marked in the paragraphs the selection touches: the ones whose span it may correct
    const paragraph = (node) => (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest("p");
    const first = paragraph(range.startContainer);
    const last = paragraph(range.endContainer);
    const keys = new Set();
    for (let p = first; p; p = p.nextElementSibling) {
      p.querySelectorAll(".run[data-facts]").forEach((run) => run.dataset.facts.split(" ").forEach((k) => keys.add(k)));
      if (p === last) break;
    }
    const offered = [...keys].filter((k) => k in summaries).map((k) => new Option(summaries[k], k));
    fixFact.replaceChildren(...offered);
    document.getElementById("fix-start").value = start;
    document.getElementById("fix-end").value = end;
    document.getElementById("fix-submit").disabled = offered.length === 0;
  }

  fix.addEventListener("submit", () => {
    fix.action = fix.dataset.action.replace("FACT", encodeURIComponent(fixFact.value));
  });
  kind.addEventListener("change", showFields);
  showFields();
})();
