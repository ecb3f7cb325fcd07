// A document's page, for curators: words selected in the text become the evidence of a fact to add.
// Each run of the text carries its character offset (data-start), so a selection maps to offsets.
(function () {
  const form = document.getElementById("add-fact");
  const text = document.querySelector(".document-text");
  if (!form || !text) return;
  const kind = document.getElementById("add-kind");

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
  });
  kind.addEventListener("change", showFields);
  showFields();
})();
