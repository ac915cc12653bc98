// The console's only way to the product: the public API under /api/v1, by the operationIds of the
// published document. ConsoleContractTest checks every entry below against openapi.yaml at build
// time, and the console checks them against the gateway's published document when it starts.
export const operations = {
  searchCustomers: ['GET', '/customers'],
  getCustomer: ['GET', '/customers/{id}'],
  getCustomerJourney: ['GET', '/customers/{id}/journey'],
  recordInteraction: ['POST', '/interactions'],
  openCase: ['POST', '/cases'],
  handOffCase: ['POST', '/cases/{id}/handoffs'],
  resolveCase: ['POST', '/cases/{id}/resolution'],
  grantGesture: ['POST', '/cases/{id}/gestures'],
  listGestures: ['GET', '/gestures'],
  decideGesture: ['POST', '/gestures/{id}/decision'],
  getSegmentInsights: ['GET', '/insights/segments'],
  listCustomersAtRisk: ['GET', '/insights/at-risk'],
  getJourneyInsights: ['GET', '/insights/journeys'],
  recordAction: ['POST', '/customers/{id}/actions'],
  listCustomerActions: ['GET', '/customers/{id}/actions'],
  getActionOutcomes: ['GET', '/insights/actions'],
  getCalibration: ['GET', '/insights/calibration'],
  listExperiments: ['GET', '/experiments'],
  designExperiment: ['POST', '/experiments'],
  getExperiment: ['GET', '/experiments/{id}'],
  stopExperiment: ['POST', '/experiments/{id}/stop'],
  getExperimentResults: ['GET', '/experiments/{id}/results'],
};

const BASE = '/api/v1';
const MAX_WAITS = 3;

/** A problem the API answered (RFC 9457): shown to people as its title and detail. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.title = body.title || `HTTP ${status}`;
    this.detail = body.detail || '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.requestId = body.requestId || null;
  }
}

/**
 * Calls the API for one person. {@code onSignedOut} runs on a 401 (the key or token no longer
 * works); {@code onWait} tells the page how long a 429 makes it wait.
 */
export class Api {
  constructor(credential, { onSignedOut, onWait }) {
    this.credential = credential;
    this.onSignedOut = onSignedOut;
    this.onWait = onWait;
    this.roles = null;
  }

  /** Which operations this person's role may call, from the published document's x-roles. */
  async learnRoles(role) {
    const response = await fetch('/q/openapi?format=json', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Problem(response.status, { title: 'The API description could not be read' });
    }
    const document = await response.json();
    const allowed = new Set();
    const missing = [];
    for (const [operationId, [method, path]] of Object.entries(operations)) {
      const operation = document.paths?.[path]?.[method.toLowerCase()];
      if (!operation || operation.operationId !== operationId) {
        missing.push(`${operationId} (${method} ${path})`);
      } else if ((operation['x-roles'] || []).includes(role)) {
        allowed.add(operationId);
      }
    }
    if (missing.length) {
      throw new Problem(500, {
        title: 'This console does not match the gateway',
        detail: `the gateway's API lacks ${missing.join(', ')}`,
      });
    }
    this.roles = allowed;
    return allowed;
  }

  may(operationId) {
    return this.roles !== null && this.roles.has(operationId);
  }

  async call(operationId, { params = {}, query = {}, body } = {}) {
    const [method, template] = operations[operationId];
    const path = template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name]));
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') search.set(name, value);
    }
    const url = BASE + path + (search.toString() ? `?${search}` : '');
    const headers = {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${this.credential}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    for (let waited = 0; ; waited++) {
      const response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
      });
      if (response.status === 429 && waited < MAX_WAITS) {
        const seconds = Math.min(60, Math.max(1, Number(response.headers.get('Retry-After')) || 1));
        this.onWait(seconds);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        this.onWait(0);
        continue;
      }
      const text = await response.text();
      const answer = text ? JSON.parse(text) : null;
      if (response.status === 401) {
        this.onSignedOut(answer?.detail || 'Your sign-in is no longer valid.');
        throw new Problem(401, answer || {});
      }
      if (!response.ok) {
        throw new Problem(response.status, {
          ...(answer || {}),
          requestId: response.headers.get('X-Request-Id'),
        });
      }
      return answer;
    }
  }
}
