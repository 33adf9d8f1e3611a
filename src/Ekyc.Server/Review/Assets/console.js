// Keyboard shortcuts for the common path (the pages work without this module).
// Queue: j / k move through the rows, Enter opens the focused one, / jumps to the filters.
// Session: a / r choose approve or reject and move to the reason, Ctrl+Enter records, q goes back to the queue.

const typing = (target) => target instanceof HTMLElement && target.closest('input, select, textarea, [contenteditable]') !== null;

function moveInList(step) {
  const links = [...document.querySelectorAll('[data-keyboard-list] a.row-link')];
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement);
  const next = links[Math.min(links.length - 1, Math.max(0, current + step))];
  links.forEach((link) => link.closest('tr')?.classList.remove('selected'));
  next.closest('tr')?.classList.add('selected');
  next.focus();
}

function choose(decision) {
  const radio = document.getElementById(decision === 'approved' ? 'decision-approve' : 'decision-reject');
  if (!radio) return;
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true }));
  document.getElementById('reason')?.focus();
}

// Offer only the reasons that fit the chosen decision.
function filterReasons() {
  const chosen = document.querySelector('input[name="decision"]:checked')?.value;
  const select = document.getElementById('reason');
  if (!select) return;
  for (const group of select.querySelectorAll('optgroup')) {
    group.disabled = chosen !== undefined && group.dataset.decision !== chosen;
  }
  if (select.selectedOptions[0]?.parentElement?.disabled) select.value = '';
}

document.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.name === 'decision') filterReasons();
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    const form = document.getElementById('decide-form');
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  switch (event.key) {
    case 'j': moveInList(1); break;
    case 'k': moveInList(-1); break;
    case 'a': choose('approved'); break;
    case 'r': choose('rejected'); break;
    case '/': {
      const filter = document.querySelector('[data-shortcut="/"]');
      if (filter) { event.preventDefault(); filter.focus(); }
      break;
    }
    case 'q': document.querySelector('[data-shortcut="q"]')?.click(); break;
    default: return;
  }
});
