// The review queue's keyboard: j/k move, a/r decide, e edits, x selects, u undoes.
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const cards = Array.from(document.querySelectorAll("article.fact"));
let current = 0;
function focusCard(n) {
  if (!cards.length) return;
  cards[current].classList.remove("current");
  current = Math.max(0, Math.min(cards.length - 1, n));
  cards[current].classList.add("current");
  cards[current].scrollIntoView({block: "nearest"});
}
async function decide(card, status) {
  const response = await fetch(`/review/api/facts/${card.dataset.key}/decision`, {
    method: "POST", headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
    body: JSON.stringify({status: status, expected: card.dataset.status})});
  const data = await response.json();
  if (response.ok) {
    count(card.dataset.status, -1);
    count(status, +1);
    card.dataset.status = status;
    card.className = `fact status-${status} current`;
    card.querySelector(".status").textContent = status;
    card.querySelector(".error").textContent = "";
    focusCard(current + 1);
  } else {
    card.querySelector(".error").textContent = data.message || data.error;
  }
}
function count(status, change) {  // the counts above the queue follow keyboard decisions
  const shown = document.querySelector(`.count[data-status="${status}"] b`);
  if (shown) shown.textContent = Number(shown.textContent) + change;
}
document.getElementById("select-all")?.addEventListener("change", (e) => {
  cards.forEach((c) => { c.querySelector("input[type=checkbox]").checked = e.target.checked; });
});
document.querySelectorAll("form.whole-filter button").forEach((button) => button.addEventListener("click", (e) => {
  if (!window.confirm(`${button.textContent.trim()}: ${button.dataset.count}?`)) e.preventDefault();
}));
document.addEventListener("keydown", (e) => {
  if (e.target.matches("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
  const card = cards[current];
  if (e.key === "j") focusCard(current + 1);
  else if (e.key === "k") focusCard(current - 1);
  else if (e.key === "a" && card) decide(card, "accepted");
  else if (e.key === "r" && card) decide(card, "rejected");
  else if (e.key === "e" && card) window.location = card.dataset.edit;
  else if (e.key === "x" && card) { const box = card.querySelector("input[type=checkbox]"); box.checked = !box.checked; }
  else if (e.key === "u") document.getElementById("undo").submit();
});
cards.forEach((c, n) => c.addEventListener("click", () => focusCard(n)));
focusCard(0);
