// Small DOM helpers. Pages are built with elements and text nodes only (never innerHTML with
// data), so nothing an API answer holds can run as markup.

/** h('p', {class: 'x'}, 'text', child): an element with attributes, listeners (on*) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what {@code container} shows. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

export function loading(what) {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

/** An API problem as people should read it: its title and detail, and the id to quote. */
export function problemBox(problem) {
  const errors = problem.errors || [];
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('strong', {}, problem.title || 'Something went wrong'),
    problem.detail ? h('p', {}, problem.detail) : null,
    errors.length
      ? h('ul', {}, errors.map((e) => h('li', {}, `${e.field || e.pointer || ''}: ${e.message || e.detail || ''}`)))
      : null,
    problem.requestId ? h('p', { class: 'muted' }, `Request id ${problem.requestId}`) : null,
  );
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** PT2H5M -> "2 h 5 min". */
export function formatDuration(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso || '');
  if (!match) return iso || '';
  const [, hours, minutes, seconds] = match;
  const parts = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (!hours && !minutes) parts.push(`${seconds || 0} s`);
  return parts.join(' ');
}

export function money(m) {
  return m ? `${m.value} ${m.currency}` : '';
}

export function label(code) {
  return String(code || '')
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
}

/** A form field: a label bound to its input. */
let fieldCount = 0;
export function field(text, control, hint) {
  const id = `f${++fieldCount}`;
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, text), control, hint ? h('small', { id: hintId }, hint) : null);
}

export function select(name, values, { required = true, blank, asIs = false } = {}) {
  return h(
    'select',
    { name, required },
    blank ? h('option', { value: '' }, blank) : null,
    values.map((v) => h('option', { value: v }, asIs ? v : label(v))),
  );
}

/**
 * A form whose submit runs {@code action(formData)}, shows progress, and shows the API's problem
 * inside the form when it fails.
 */
export function form(title, controls, submitText, action) {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, submitText);
  const element = h(
    'form',
    {
      class: 'action-form',
      'aria-label': title,
      onsubmit: async (event) => {
        event.preventDefault();
        button.disabled = true;
        show(status, h('span', { class: 'loading' }, 'Sending…'));
        try {
          const outcome = await action(new FormData(element), element);
          show(status, outcome || '');
        } catch (problem) {
          show(status, problemBox(problem));
        } finally {
          button.disabled = false;
        }
      },
    },
    h('h4', {}, title),
    controls,
    h('div', { class: 'form-actions' }, button),
    status,
  );
  return element;
}

/**
 * A data table: caption, column headings, rows of cells; in a region that scrolls sideways on a
 * narrow screen and can be scrolled with the keyboard.
 */
export function table(caption, headings, rows, { hiddenCaption = false } = {}) {
  return scrollable(
    caption,
    h(
      'table',
      {},
      h('caption', { class: hiddenCaption ? 'visually-hidden' : null }, caption),
      h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))),
    ),
  );
}

export function scrollable(name, content) {
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': name }, content);
}

export function badge(text, kind) {
  return h('span', { class: `badge badge-${String(kind || text).toLowerCase()}` }, label(text));
}

export const DEPARTMENTS = ['MARKETING', 'SALES', 'DELIVERY', 'SUPPORT', 'BILLING', 'PRODUCT'];
export const CHANNELS = ['WEB', 'EMAIL', 'PHONE', 'CHAT', 'STORE', 'APP', 'SOCIAL', 'SURVEY'];
export const INTERACTION_TYPES = ['VISIT', 'INQUIRY', 'PURCHASE', 'COMPLAINT', 'FEEDBACK', 'RETURN', 'CANCELLATION', 'OUTREACH'];

export function department(code) {
  return h('span', { class: `dept dept-${code.toLowerCase()}` }, label(code));
}
