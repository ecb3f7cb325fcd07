// YASGUI on the endpoint, with the example queries of the page (kept out of the HTML for the CSP).
const examples = JSON.parse(document.getElementById("examples").textContent);
const box = document.getElementById("yasgui");
const yasgui = new Yasgui(box, {
  requestConfig: { endpoint: box.dataset.endpoint, method: "POST" },
  copyEndpointOnNewTab: false,
  persistenceId: null,
});
yasgui.getTab().setQuery(examples[0].query);
document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => {
  yasgui.getTab().setQuery(examples[Number(b.dataset.example)].query);
}));
