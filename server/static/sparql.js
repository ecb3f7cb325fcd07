// YASGUI on the endpoint, with the example queries of the page (kept out of the HTML for the CSP).
// Queries are kept in the browser across reloads; a first visit starts with the first example.
const examples = JSON.parse(document.getElementById("examples").textContent);
const box = document.getElementById("yasgui");
const SEEN = "kronika-sparql-seen";
const firstVisit = !localStorage.getItem(SEEN);
const yasgui = new Yasgui(box, {
  // absolute: YASR builds its "try the query" link and error view with new URL(endpoint)
  requestConfig: { endpoint: new URL(box.dataset.endpoint, window.location.href).href, method: "POST" },
  copyEndpointOnNewTab: false,
  persistenceId: "kronika-sparql",
});
if (firstVisit) {
  yasgui.getTab().setQuery(examples[0].query);
  localStorage.setItem(SEEN, "1");
}
document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => {
  yasgui.getTab().setQuery(examples[Number(b.dataset.example)].query);
}));
