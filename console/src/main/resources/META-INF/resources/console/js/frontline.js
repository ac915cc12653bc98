// The front line's pages: find a customer, then the customer's whole journey and what to do now.
import {
  h, show, loading, problemBox, formatTime, money, label, field, select, form, badge, department, table,
  DEPARTMENTS, CHANNELS, INTERACTION_TYPES,
} from './ui.js';
import { customerExperiments, armNote } from './experiments.js';

// The last search, kept in memory only (never in the address or in storage).
let lastSearch = { text: '', result: null };

/** What a search box holds decides the filter: an email, an external reference or a name. */
function searchQuery(text) {
  const value = text.trim();
  if (value.includes('@')) return { email: value };
  if (/^[a-z0-9-]{1,40}:.+$/.test(value)) return { externalRef: value };
  return { q: value };
}

export function searchPage(main, api) {
  const input = h('input', { type: 'search', name: 'find', required: true, autocomplete: 'off', maxlength: 200, value: lastSearch.text });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const renderResults = (page) => {
    if (!page.items.length) {
      show(results, h('p', {}, 'No customer matches.'));
      return;
    }
    show(
      results,
      h(
        'ul',
        { class: 'customer-list' },
        page.items.map((customer) =>
          h(
            'li',
            {},
            h('a', { href: `#/customers/${customer.id}` }, customer.displayName),
            ' ',
            h('span', { class: 'muted' }, [customer.email, customer.segment, customer.status === 'ACTIVE' ? null : label(customer.status)].filter(Boolean).join(' · ')),
          ),
        ),
      ),
      page.next ? h('p', { class: 'muted' }, 'More customers match: refine the search.') : null,
    );
  };
  show(
    main,
    h('h2', {}, 'Find a customer'),
    h(
      'form',
      {
        role: 'search',
        class: 'search',
        onsubmit: async (event) => {
          event.preventDefault();
          show(results, loading('customers'));
          try {
            const page = await api.call('searchCustomers', { query: { ...searchQuery(input.value), limit: 20 } });
            lastSearch = { text: input.value, result: page };
            renderResults(page);
          } catch (problem) {
            show(results, problemBox(problem));
          }
        },
      },
      field('Name, email or external reference', input, 'The start of a word of the name, a whole email, or system:id such as crm:C-1042'),
      h('button', { type: 'submit' }, 'Search'),
    ),
    results,
  );
  if (lastSearch.result) renderResults(lastSearch.result);
  input.focus();
}

const PART_NAMES = { actions: 'Actions taken', insights: 'Health, risk and next best actions', openCases: 'Open cases', timeline: 'Timeline', goodwill: 'Goodwill', customer: 'Profile' };

function degradedNotice(part) {
  return h('p', { class: 'degraded', role: 'status' }, `${PART_NAMES[part] || label(part)}: not available right now (a service did not answer in time). Reload to try again.`);
}

export async function customerPage(main, api, id) {
  show(main, loading('the customer'));
  let journey;
  let actions;
  try {
    [journey, actions] = await Promise.all([
      api.call('getCustomerJourney', { params: { id } }),
      api.may('listCustomerActions')
        ? api.call('listCustomerActions', { params: { id }, query: { limit: 10 } }).catch((problem) => ({ unavailable: problem }))
        : null,
    ]);
  } catch (problem) {
    show(main, h('h2', {}, 'Customer'), problemBox(problem), h('p', {}, h('a', { href: '#/customers' }, 'Find another customer')));
    return;
  }
  const reload = () => customerPage(main, api, journey.customer.id);
  const degraded = new Set(journey.degraded || []);
  // The journey carries the caller's goodwill standing (GET /customers/{id}/goodwill) as a part.
  const goodwill = degraded.has('goodwill') ? { unavailable: true } : journey.goodwill || null;
  const customer = journey.customer;
  show(
    main,
    h(
      'header',
      { class: 'customer-header' },
      h('h2', {}, customer.displayName),
      h(
        'p',
        { class: 'muted' },
        [customer.email, customer.phone, `segment ${customer.segment}`, customer.status !== 'ACTIVE' ? label(customer.status) : null]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    h(
      'div',
      { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'health-heading' }, h('h3', { id: 'health-heading' }, 'Health and risk'),
        degraded.has('insights') ? degradedNotice('insights') : insightsPart(journey.insights)),
      h('section', { class: 'card', 'aria-labelledby': 'nba-heading' }, h('h3', { id: 'nba-heading' }, 'What to do now'),
        degraded.has('insights') ? degradedNotice('insights') : nextBestActions(api, journey.customer, journey.insights, reload),
        actionsTaken(actions)),
      h('section', { class: 'card', 'aria-labelledby': 'goodwill-heading' }, h('h3', { id: 'goodwill-heading' }, 'Goodwill you may still give'),
        goodwillPart(goodwill)),
      h('section', { class: 'card', 'aria-labelledby': 'experiments-heading' }, h('h3', { id: 'experiments-heading' }, 'Experiments'),
        degraded.has('insights') ? degradedNotice('insights') : customerExperiments(journey.insights)),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'cases-heading' }, h('h3', { id: 'cases-heading' }, 'Open cases'),
      degraded.has('openCases') ? degradedNotice('openCases') : casesPart(api, journey.openCases, goodwill, reload)),
    h('section', { class: 'card', 'aria-labelledby': 'record-heading' }, h('h3', { id: 'record-heading' }, 'Record'),
      h('div', { class: 'grid' }, recordInteractionForm(api, customer, journey.openCases || [], reload), openCaseForm(api, customer, reload))),
    h('section', { class: 'card', 'aria-labelledby': 'timeline-heading' }, h('h3', { id: 'timeline-heading' }, 'Timeline across departments'),
      degraded.has('timeline') ? degradedNotice('timeline') : timelinePart(journey.timeline)),
  );
  // Every part is on the page and is painted with the next frame: the console timing benchmark
  // (bench/console-timing.sh) reads this mark's time.
  requestAnimationFrame(() => performance.mark('customer-page-ready', { detail: customer.id }));
}

function insightsPart(insights) {
  if (!insights) return h('p', { class: 'muted' }, 'No insight yet: it appears once the first events are processed.');
  return [
    h('p', { class: 'health' },
      h('span', { class: 'score', 'aria-label': `Health score ${insights.healthScore} of 100` }, String(insights.healthScore)),
      h('span', { class: 'muted' }, ' / 100 '),
      badge(`${insights.churnRisk} risk`, insights.churnRisk)),
    insights.reasons.length
      ? h('ul', { class: 'reasons' }, insights.reasons.map((r) => h('li', {}, h('strong', {}, label(r.code)), ` −${r.points}: ${r.detail}`)))
      : h('p', {}, 'Nothing takes health away.'),
    h('p', { class: 'muted' }, `Computed ${formatTime(insights.computedAt)}`),
  ];
}

// Goodwill is recorded as an action by every approved gesture; the others are recorded here.
const RECORDED_BY_ITSELF = new Set(['GOODWILL_GESTURE']);

function nextBestActions(api, customer, insights, reload) {
  if (!insights || !insights.nextBestActions.length) return h('p', {}, 'No action is recommended now.');
  return h('ul', { class: 'actions' }, insights.nextBestActions.map((a) => h('li', {},
    h('strong', {}, label(a.code)), h('br'), a.detail, armNote(a, insights),
    api.may('recordAction') && !RECORDED_BY_ITSELF.has(a.code)
      ? form(`Record ${label(a.code).toLowerCase()} as done`, [field('Note', h('input', { name: 'note', maxlength: 2000 }))], 'Done', async (data) => {
          await api.call('recordAction', { params: { id: customer.id }, body: { code: a.code, note: data.get('note') || undefined } });
          await reload();
        })
      : null)));
}

function actionsTaken(actions) {
  if (!actions) return null;
  if (actions.unavailable) return [degradedNotice('actions'), problemBox(actions.unavailable)];
  return h('details', { class: 'taken' },
    h('summary', {}, `Actions taken (${actions.items.length}${actions.next ? '+' : ''})`),
    actions.items.length
      ? h('ul', {}, actions.items.map((a) => h('li', {}, `${label(a.code)} · by ${a.takenBy} · ${formatTime(a.takenAt)}`, a.note ? ` · ${a.note}` : '')))
      : h('p', {}, 'None yet.'));
}

function goodwillPart(goodwill) {
  if (!goodwill) return h('p', { class: 'muted' }, 'Your role does not grant goodwill.');
  if (goodwill.unavailable) return degradedNotice('goodwill');
  const currencies = Object.entries(goodwill.currencies);
  return [
    currencies.length
      ? table(`For you, now (policy version ${goodwill.policyVersion})`,
          ['Currency', 'At once', 'Latitude', 'Customer window left', 'Your month left'],
          currencies.map(([currency, a]) => [
            currency, a.atOnce, a.arm ? `${a.latitude} (experiment arm ${a.arm})` : a.latitude,
            `${a.customerWindow.left} of ${a.customerWindow.amount}${a.customerWindow.days ? ` in ${a.customerWindow.days} days` : ''}`,
            `${a.personMonth.left} of ${a.personMonth.amount}`]))
      : h('p', {}, 'The policy names no currency: every gesture needs a supervisor.'),
    goodwill.lastGestures.length
      ? h('details', {}, h('summary', {}, `Last gestures (${goodwill.lastGestures.length})`),
          h('ul', {}, goodwill.lastGestures.map((g) => h('li', {}, `${money(g.amount)} · ${label(g.status)} · by ${g.grantedBy} · ${formatTime(g.grantedAt)}`))))
      : h('p', { class: 'muted' }, 'No gesture yet for this customer.'),
  ];
}

function casePath(supportCase) {
  const path = [supportCase.department, ...supportCase.handoffs.map((handoff) => handoff.to)];
  return h('ol', { class: 'path', 'aria-label': 'Departments this case went through' }, path.map((d) => h('li', {}, department(d))));
}

function casesPart(api, cases, goodwill, reload) {
  if (!cases || !cases.length) return h('p', {}, 'No open case.');
  return h('ul', { class: 'cases' }, cases.map((c) => h('li', { class: 'case' },
    h('h4', {}, c.subject),
    h('p', { class: 'muted' }, `Opened ${formatTime(c.openedAt)} · now with ${label(c.currentDepartment)} · ${c.contactCount} contacts`),
    casePath(c),
    h('div', { class: 'grid' },
      api.may('handOffCase') ? handOffForm(api, c, reload) : null,
      api.may('resolveCase') ? resolveForm(api, c, reload) : null,
      api.may('grantGesture') ? gestureForm(api, c, goodwill) : null))));
}

function handOffForm(api, supportCase, reload) {
  return form('Hand off', [
    field('To department', select('toDepartment', DEPARTMENTS.filter((d) => d !== supportCase.currentDepartment))),
    field('Note', h('input', { name: 'note', maxlength: 2000 })),
  ], 'Hand off', async (data) => {
    await api.call('handOffCase', { params: { id: supportCase.id }, body: { toDepartment: data.get('toDepartment'), note: data.get('note') || undefined } });
    await reload();
  });
}

function resolveForm(api, supportCase, reload) {
  return form('Resolve', [field('Resolution', h('input', { name: 'resolution', required: true, maxlength: 2000 }))], 'Resolve', async (data) => {
    await api.call('resolveCase', { params: { id: supportCase.id }, body: { resolution: data.get('resolution') } });
    await reload();
  });
}

function gestureForm(api, supportCase, goodwill) {
  const currencies = goodwill && goodwill.currencies ? Object.keys(goodwill.currencies) : [];
  return form('Grant a goodwill gesture', [
    field('Amount', h('input', { name: 'value', required: true, inputmode: 'decimal', pattern: '[0-9]{1,15}(\\.[0-9]{1,4})?', maxlength: 20 }), 'For example 20.00'),
    field('Currency', currencies.length ? select('currency', currencies, { asIs: true }) : h('input', { name: 'currency', required: true, pattern: '[A-Z]{3}', maxlength: 3 })),
    field('Reason', h('input', { name: 'reason', required: true, maxlength: 2000 })),
  ], 'Grant', async (data, element) => {
    const gesture = await api.call('grantGesture', {
      params: { id: supportCase.id },
      body: { amount: { value: data.get('value'), currency: data.get('currency') }, reason: data.get('reason') },
    });
    element.reset();
    const approved = gesture.decision.outcome === 'APPROVED';
    return h('div', { class: approved ? 'decision approved' : 'decision pending', role: 'status' },
      h('strong', {}, approved ? `Approved: ${money(gesture.amount)}` : `Held for a supervisor: ${money(gesture.amount)}`),
      h('p', {}, `${label(gesture.decision.rule)}: ${gesture.decision.detail}`));
  });
}

function recordInteractionForm(api, customer, openCases, reload) {
  if (!api.may('recordInteraction')) return null;
  return form('Record an interaction', [
    field('Channel', select('channel', CHANNELS)),
    field('Department', select('department', DEPARTMENTS)),
    field('Type', select('type', INTERACTION_TYPES)),
    field('Summary', h('input', { name: 'summary', maxlength: 2000 })),
    openCases.length ? field('Case', h('select', { name: 'caseId' }, h('option', { value: '' }, 'None'), openCases.map((c) => h('option', { value: c.id }, c.subject)))) : null,
  ], 'Record', async (data) => {
    await api.call('recordInteraction', {
      body: {
        customerId: customer.id,
        channel: data.get('channel'),
        department: data.get('department'),
        type: data.get('type'),
        summary: data.get('summary') || undefined,
        caseId: data.get('caseId') || undefined,
      },
    });
    await reload();
  });
}

function openCaseForm(api, customer, reload) {
  if (!api.may('openCase')) return null;
  return form('Open a case', [
    field('Subject', h('input', { name: 'subject', required: true, maxlength: 500 })),
    field('Owning department', select('department', DEPARTMENTS)),
  ], 'Open case', async (data) => {
    await api.call('openCase', { body: { customerId: customer.id, subject: data.get('subject'), department: data.get('department') } });
    await reload();
  });
}

function timelinePart(timeline) {
  if (!timeline || !timeline.length) return h('p', {}, 'No touchpoint yet.');
  return h('ol', { class: 'timeline' }, timeline.map((i) => h('li', {},
    h('time', { datetime: i.occurredAt }, formatTime(i.occurredAt)), ' ',
    department(i.department), ' ',
    h('span', { class: 'channel' }, label(i.channel)), ' ',
    h('strong', {}, label(i.type)),
    i.summary ? h('span', {}, ` · ${i.summary}`) : null,
    i.rating ? h('span', { class: 'muted' }, ` · ${i.rating.scale} ${i.rating.score}`) : null)));
}
