// The supervisor's queue: gestures the policy held, oldest first, with the customer's context.
import { h, show, loading, problemBox, formatTime, formatDuration, money, label, field } from './ui.js';

export async function approvalsPage(main, api) {
  show(main, h('h2', {}, 'Gestures waiting for approval'), loading('the queue'));
  let page;
  try {
    page = await api.call('listGestures', { query: { status: 'PENDING_APPROVAL', limit: 50 } });
  } catch (problem) {
    show(main, h('h2', {}, 'Gestures waiting for approval'), problemBox(problem));
    return;
  }
  // Names for the queue, read in parallel; a customer that cannot be read shows its id.
  const names = new Map();
  await Promise.all(
    [...new Set(page.items.map((g) => g.customerId))].map((id) =>
      api.call('getCustomer', { params: { id } }).then((c) => names.set(id, c), () => null),
    ),
  );
  const status = h('div', { 'aria-live': 'polite', class: 'form-status' });
  show(
    main,
    h('h2', {}, 'Gestures waiting for approval'),
    status,
    page.items.length
      ? h('ul', { class: 'queue' }, page.items.map((gesture) => queueItem(api, gesture, names.get(gesture.customerId), status)))
      : h('p', {}, 'Nothing waits for a decision.'),
    page.next ? h('p', { class: 'muted' }, 'More gestures wait: decide these first.') : null,
  );
}

function queueItem(api, gesture, customer, status) {
  const note = h('input', { name: 'note', maxlength: 2000 });
  const item = h(
    'li',
    { class: 'queue-item card' },
    h('h3', {}, `${money(gesture.amount)} for `, customer ? h('a', { href: `#/customers/${gesture.customerId}` }, customer.displayName) : gesture.customerId),
    h('p', {}, h('strong', {}, `Waiting ${formatDuration(gesture.age)}`), ` · granted by ${gesture.grantedBy} at ${formatTime(gesture.grantedAt)}`),
    h('p', {}, `Reason: ${gesture.reason}`),
    h('p', { class: 'muted' }, `${label(gesture.decision.rule)}: ${gesture.decision.detail}`),
    customer ? h('p', { class: 'muted' }, `Customer segment ${customer.segment}`) : null,
    h(
      'form',
      { class: 'decide', 'aria-label': `Decide on ${money(gesture.amount)}`, onsubmit: (event) => event.preventDefault() },
      field('Note', note),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', onclick: () => decide(true) }, 'Approve'),
        h('button', { type: 'button', class: 'secondary', onclick: () => decide(false) }, 'Reject')),
    ),
  );
  async function decide(approve) {
    for (const button of item.querySelectorAll('button')) button.disabled = true;
    try {
      const decided = await api.call('decideGesture', { params: { id: gesture.id }, body: { approve, note: note.value || undefined } });
      item.remove();
      show(status, h('p', { role: 'status' }, `${label(decided.status)}: ${money(decided.amount)} for ${customer ? customer.displayName : decided.customerId}.`));
    } catch (problem) {
      item.append(problemBox(problem));
      for (const button of item.querySelectorAll('button')) button.disabled = false;
    }
  }
  return item;
}
