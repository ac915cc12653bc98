// The supervisor's queue: gestures the policy held, oldest first, with the customer's context.
import { h, show, loading, problemBox, formatTime, formatDuration, money, label, field } from './ui.js';

const PAGE = 20;

export async function approvalsPage(main, api) {
  const heading = h('h2', {}, 'Gestures waiting for approval');
  show(main, heading, loading('the queue'));
  const status = h('div', { 'aria-live': 'polite', class: 'form-status' });
  const queue = h('ul', { class: 'queue' });
  const more = h('div', {});
  let first;
  try {
    first = await nextPage(api, null);
  } catch (problem) {
    show(main, heading, problemBox(problem));
    return;
  }
  show(main, heading, status, queue, more);
  const render = ({ page, names }) => {
    for (const gesture of page.items) queue.append(queueItem(api, gesture, names.get(gesture.customerId), status));
    if (!queue.children.length) show(more, h('p', {}, 'Nothing waits for a decision.'));
    else if (!page.next) show(more, '');
    else {
      const button = h('button', { type: 'button', class: 'secondary' }, 'Show more');
      button.addEventListener('click', async () => {
        button.disabled = true;
        show(more, loading('more gestures'));
        try {
          render(await nextPage(api, page.next));
        } catch (problem) {
          show(more, problemBox(problem));
        }
      });
      show(more, h('p', { class: 'muted' }, 'More gestures wait, newer than these.'), button);
    }
  };
  render(first);
}

/** One page of the queue and its customers' names, read in parallel; an unreadable one shows its id. */
async function nextPage(api, cursor) {
  const page = await api.call('listGestures', { query: { status: 'PENDING_APPROVAL', limit: PAGE, cursor } });
  const names = new Map();
  await Promise.all(
    [...new Set(page.items.map((g) => g.customerId))].map((id) =>
      api.call('getCustomer', { params: { id } }).then((c) => names.set(id, c), () => null),
    ),
  );
  return { page, names };
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
