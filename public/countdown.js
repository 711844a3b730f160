// Service requests: the time left until the promised answer, counted down while the page stays open. The server
// renders it once (that is what a page without scripts shows); this keeps it current, in the page's own words
// (data-left, data-overdue and the span template data-span with {h} and {m}).
const clocks = document.querySelectorAll('.countdown[data-due]');
function tick() {
  const now = Date.now();
  for (const el of clocks) {
    const due = Number(el.dataset.due);
    const mins = Math.floor(Math.abs(due - now) / 60000);
    const span = el.dataset.span.replace('{h}', Math.floor(mins / 60)).replace('{m}', mins % 60);
    el.textContent = `${due >= now ? el.dataset.left : el.dataset.overdue} ${span}`;
    el.closest('.sr-due')?.classList.toggle('overdue', due < now);
  }
}
if (clocks.length) {
  tick();
  setInterval(tick, 30000);
}
