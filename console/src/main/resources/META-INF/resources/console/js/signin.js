// Sign-in: with the company's identity provider (OIDC authorization code with PKCE) when the gateway
// names one, and on the local run as one of the demo people (each a demo API key with a role).
// The session lives in sessionStorage only: it ends with the browser tab.
import { h, show, problemBox } from './ui.js';

const SESSION = 'outsidein.console.session';
const PENDING = 'outsidein.console.oidc';
const ROLES = ['admin', 'supervisor', 'agent', 'analyst', 'integration'];

/** How this gateway signs people in: its identity provider, or the local run's demo people. */
export async function loadConfig() {
  const response = await fetch('/console/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw { title: 'The console could not start', detail: `the gateway answered ${response.status}` };
  return response.json();
}

export function currentSession() {
  const stored = sessionStorage.getItem(SESSION);
  if (!stored) return null;
  const session = JSON.parse(stored);
  if (session.expiresAt && Date.now() > session.expiresAt) {
    endSession();
    return null;
  }
  return session;
}

export function endSession() {
  sessionStorage.removeItem(SESSION);
}

function begin(session) {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
}

export function signInPage(main, config, message, signedIn) {
  const people = config.demoPeople || [];
  show(
    main,
    h('h2', {}, 'Sign in'),
    message ? h('p', { class: 'notice', role: 'status' }, message) : null,
    config.oidc
      ? h(
          'section',
          { 'aria-labelledby': 'oidc-heading' },
          h('h3', { id: 'oidc-heading' }, 'With your company account'),
          h('button', { type: 'button', onclick: () => startOidc(config.oidc, main) }, 'Sign in with your company account'),
        )
      : null,
    people.length
      ? h(
          'section',
          { 'aria-labelledby': 'demo-heading' },
          h('h3', { id: 'demo-heading' }, 'As a demo person'),
          h('p', { class: 'muted' }, 'This suite runs with the documented demo keys: choose who you are.'),
          h(
            'ul',
            { class: 'people' },
            people.map((person) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    'data-role': person.role,
                    onclick: () => {
                      begin({ name: person.name, role: person.role, credential: person.key });
                      signedIn();
                    },
                  },
                  h('span', { class: 'person' }, person.name),
                  ' ',
                  h('span', { class: 'role' }, person.role),
                ),
              ),
            ),
          ),
        )
      : null,
    !config.oidc && !people.length
      ? h('p', { class: 'problem', role: 'alert' }, 'No sign-in is configured for this console: ask your administrator to configure an identity provider.')
      : null,
  );
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`the identity provider answered ${response.status}`);
  return response.json();
}

function redirectUri() {
  return `${location.origin}/console/`;
}

async function startOidc(oidc, main) {
  try {
    const provider = await discover(oidc.issuer);
    const verifier = randomText();
    const state = randomText();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: oidc.clientId,
      redirect_uri: redirectUri(),
      scope: oidc.scope || 'openid profile',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    });
    location.assign(`${provider.authorization_endpoint}?${query}`);
  } catch (error) {
    main.append(problemBox({ title: 'The sign-in could not start', detail: error.message }));
  }
}

function claim(payload, path) {
  return path.split('.').reduce((value, part) => (value == null ? undefined : value[part]), payload);
}

/** The role the console shows: the first of the product's roles the token's roles claim grants. */
function roleOf(payload, oidc) {
  const granted = [].concat(claim(payload, oidc.rolesClaim || 'roles') || []);
  const mapped = granted.map((name) => (oidc.roleNames && oidc.roleNames[name]) || name);
  return ROLES.find((role) => mapped.includes(role)) || null;
}

/** Back from the identity provider with ?code=…&state=…: exchange the code, then clean the address. */
export async function finishOidcSignIn(config) {
  const query = new URLSearchParams(location.search);
  if (!config.oidc || !query.has('code')) return;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/console/${location.hash}`);
  if (!pending || pending.state !== query.get('state')) {
    throw { title: 'Sign-in refused', detail: 'the answer from the identity provider does not belong to this sign-in' };
  }
  const provider = await discover(config.oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw { title: 'Sign-in failed', detail: `the identity provider answered ${response.status}` };
  }
  const tokens = await response.json();
  const payload = JSON.parse(atob(tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const role = roleOf(payload, config.oidc);
  if (!role) {
    throw { title: 'No role', detail: 'your account has none of the roles this product knows; ask your administrator' };
  }
  begin({
    name: payload.name || payload.preferred_username || payload.sub,
    role,
    credential: tokens.access_token,
    expiresAt: payload.exp ? payload.exp * 1000 : null,
  });
}
