// The console's shell: who is signed in, the navigation their role allows, and the page for the
// address after '#'. Addresses hold ids only, never a name or an email.
import { Api } from './api.js';
import { h, show, problemBox } from './ui.js';
import { signInPage, currentSession, endSession, finishOidcSignIn, loadConfig } from './signin.js';
import { searchPage, customerPage } from './frontline.js';
import { approvalsPage } from './supervisor.js';
import { insightsPage } from './analyst.js';
import { experimentsPage } from './experiments.js';
import { experimentResultsPage } from './results.js';

const main = document.getElementById('main');
const who = document.getElementById('who');
const nav = document.getElementById('nav');
const notice = document.getElementById('notice');

let config = null;
let api = null;
let session = null;

const PAGES = [
  { path: '#/customers', text: 'Customers', needs: 'searchCustomers' },
  { path: '#/approvals', text: 'Approvals', needs: 'decideGesture' },
  { path: '#/insights', text: 'Insights', needs: 'getSegmentInsights' },
  { path: '#/experiments', text: 'Experiments', needs: 'listExperiments' },
];

function signedOut(reason) {
  endSession();
  session = null;
  api = null;
  sessionStorage.setItem('outsidein.console.notice', reason);
  location.hash = '#/sign-in';
}

function waiting(seconds) {
  show(notice, seconds ? h('p', { role: 'status' }, `The API asks to slow down: waiting ${seconds} s…`) : '');
}

async function start() {
  try {
    config = await loadConfig();
    await finishOidcSignIn(config);
  } catch (problem) {
    show(main, problemBox(problem));
    return;
  }
  // Moving to another page moves the focus to its content; a fresh load starts at the skip link.
  window.addEventListener('hashchange', () => route(true));
  await route(false);
}

async function ensureApi() {
  session = currentSession();
  if (!session) return false;
  if (!api || api.credential !== session.credential) {
    api = new Api(session.credential, { onSignedOut: signedOut, onWait: waiting });
    await api.learnRoles(session.role);
  }
  return true;
}

function renderShell() {
  if (!session) {
    show(who, '');
    show(nav, '');
    return;
  }
  show(
    who,
    h('span', { class: 'person' }, session.name),
    ' ',
    h('span', { class: 'role', title: 'Role' }, session.role),
    ' ',
    h('button', { type: 'button', class: 'link', onclick: () => signedOut('You signed out.') }, 'Sign out'),
  );
  const current = location.hash.split('/').slice(0, 2).join('/');
  show(
    nav,
    h(
      'ul',
      {},
      PAGES.filter((page) => api.may(page.needs)).map((page) =>
        h('li', {}, h('a', { href: page.path, 'aria-current': current === page.path ? 'page' : null }, page.text)),
      ),
    ),
  );
}

async function route(moved) {
  const hash = location.hash || '#/';
  try {
    if (hash === '#/sign-in' || !(await ensureApi())) {
      session = null;
      renderShell();
      const message = sessionStorage.getItem('outsidein.console.notice');
      sessionStorage.removeItem('outsidein.console.notice');
      signInPage(main, config, message, () => {
        location.hash = '#/';
      });
      return;
    }
  } catch (problem) {
    show(main, problemBox(problem));
    return;
  }
  if (hash === '#/' || hash === '#') {
    const first = PAGES.find((page) => api.may(page.needs));
    location.replace(first ? first.path : '#/customers');
    return;
  }
  renderShell();
  const [, page, id] = hash.split('/');
  if (moved) main.focus({ preventScroll: true });
  if (page === 'customers' && id) await customerPage(main, api, id);
  else if (page === 'customers') searchPage(main, api);
  else if (page === 'approvals') await approvalsPage(main, api);
  else if (page === 'insights') await insightsPage(main, api);
  else if (page === 'experiments' && id) await experimentResultsPage(main, api, id);
  else if (page === 'experiments') await experimentsPage(main, api);
  else show(main, h('h2', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
}

start();
