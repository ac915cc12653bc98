// Experiments: analysts design them (who takes part, arms and their treatments, what is measured)
// and stop them; the front line reads them, and sees on a customer's page the ones they are in.
import { h, show, loading, problemBox, formatTime, label, field, select, form, badge, table } from './ui.js';

const OUTCOMES = ['RETAINED', 'HEALTH_CHANGE', 'NEW_COMPLAINT'];
const RISKS = ['LOW', 'MEDIUM', 'HIGH'];
const ACTIONS = ['ASSIGN_SINGLE_OWNER', 'GOODWILL_GESTURE', 'PROACTIVE_OUTREACH', 'ASK_FOR_FEEDBACK', 'THANK_PROMOTER'];

export async function experimentsPage(main, api) {
  show(main, h('h2', {}, 'Experiments'), loading('the experiments'));
  let page;
  try {
    page = await api.call('listExperiments', { query: { limit: 50 } });
  } catch (problem) {
    show(main, h('h2', {}, 'Experiments'), problemBox(problem));
    return;
  }
  const reload = () => experimentsPage(main, api);
  show(
    main,
    h('h2', {}, 'Experiments'),
    api.may('designExperiment')
      ? h('details', { class: 'card' }, h('summary', {}, 'Design an experiment'), designForm(api, reload))
      : null,
    page.items.length
      ? h('ul', { class: 'experiments' }, page.items.map((experiment) => experimentItem(api, experiment, reload)))
      : h('p', {}, 'No experiment yet.'),
    page.next ? h('p', { class: 'muted' }, 'Older experiments are not shown.') : null,
  );
}

/** What an arm does, in words: "recommends proactive outreach", "latitude 50.00 EUR". */
export function treatment(t) {
  if (!t || (!t.action && !t.latitude)) return 'nothing (control)';
  if (t.action) return `recommends ${label(t.action).toLowerCase()}`;
  return `latitude ${Object.entries(t.latitude).map(([currency, value]) => `${value} ${currency}`).join(', ')}`;
}

export function population(p) {
  const parts = [p.segment ? `segment ${p.segment}` : null, p.minRisk ? `risk ${label(p.minRisk).toLowerCase()} or higher` : null, p.reasonCode ? `reason ${label(p.reasonCode).toLowerCase()}` : null];
  return parts.filter(Boolean).join(', ') || 'every customer';
}

function experimentItem(api, experiment, reload) {
  const running = experiment.status === 'RUNNING' || experiment.status === 'SCHEDULED';
  return h('li', { class: 'card experiment' },
    h('h3', {}, experiment.name, badge(experiment.status, experiment.status === 'RUNNING' ? 'low' : 'neutral')),
    experiment.hypothesis ? h('p', {}, experiment.hypothesis) : null,
    h('p', { class: 'muted' }, `Who: ${population(experiment.population)} · measures ${label(experiment.outcome).toLowerCase()} · from ${formatTime(experiment.startsAt)}${experiment.endsAt ? ` to ${formatTime(experiment.endsAt)}` : ''} · designed by ${experiment.createdBy}`),
    table(`Arms of ${experiment.name}`, ['Arm', 'Weight', 'Treatment'], experiment.arms.map((arm) => [arm.name, arm.weight, treatment(arm.treatment)])),
    api.may('getExperimentResults')
      ? h('p', {}, h('a', { href: `#/experiments/${experiment.id}` }, `Results of ${experiment.name}`))
      : null,
    running && api.may('stopExperiment')
      ? form(`Stop ${experiment.name}`, [], 'Stop', async () => {
          await api.call('stopExperiment', { params: { id: experiment.id } });
          await reload();
        })
      : null);
}

function designForm(api, reload) {
  const kind = select('kind', ['ACTION', 'LATITUDE']);
  kind.querySelector('option[value=ACTION]').textContent = 'Recommend an action';
  kind.querySelector('option[value=LATITUDE]').textContent = 'A goodwill latitude';
  return form('Design an experiment', [
    field('Name', h('input', { name: 'name', required: true, maxlength: 200 })),
    field('Hypothesis', h('input', { name: 'hypothesis', maxlength: 2000 })),
    field('Segment (empty: every segment)', h('input', { name: 'segment', pattern: '[a-z0-9-]{1,40}', maxlength: 40 })),
    field('Lowest churn risk', select('minRisk', RISKS, { required: false, blank: 'Any' })),
    field('Measures', select('outcome', OUTCOMES)),
    field('Treatment arm: name', h('input', { name: 'arm', required: true, pattern: '[A-Za-z0-9_-]{1,60}', maxlength: 60 }), 'The other arm, control, gets nothing; both weigh the same'),
    field('Treatment', kind),
    field('Action to recommend', select('action', ACTIONS)),
    field('Or latitude in EUR', h('input', { name: 'latitude', inputmode: 'decimal', pattern: '[0-9]{1,15}(\\.[0-9]{1,4})?', maxlength: 20 })),
  ], 'Start now', async (data) => {
    const treatmentArm = data.get('kind') === 'LATITUDE'
      ? { latitude: { EUR: data.get('latitude') } }
      : { action: data.get('action') };
    await api.call('designExperiment', {
      body: {
        name: data.get('name'),
        hypothesis: data.get('hypothesis') || undefined,
        population: { segment: data.get('segment') || undefined, minRisk: data.get('minRisk') || undefined },
        arms: [
          { name: 'control', weight: 1 },
          { name: data.get('arm'), weight: 1, treatment: treatmentArm },
        ],
        outcome: data.get('outcome'),
        startsAt: new Date().toISOString(),
      },
    });
    await reload();
  });
}

/** The customer page's part: the running experiments the customer is in, and their arm. */
export function customerExperiments(insights) {
  if (!insights || !insights.experiments.length) return h('p', {}, 'Not in any running experiment');
  return h('ul', { class: 'experiments-in' }, insights.experiments.map((e) => h('li', {},
    h('strong', {}, e.name), h('br'),
    `Arm ${e.arm}: ${treatment(e.treatment)}`,
    h('span', { class: 'muted' }, ` · since ${formatTime(e.enrolledAt)}`))));
}

/** Under a next best action an arm recommends: which experiment and arm it comes from. */
export function armNote(action, insights) {
  if (!action.experimentId) return null;
  const experiment = (insights.experiments || []).find((e) => e.experimentId === action.experimentId);
  return h('small', { class: 'arm-note' }, `experiment: ${experiment ? experiment.name : action.experimentId}, arm ${action.arm}`);
}
