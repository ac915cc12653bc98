// An experiment's results: per arm what the enrolled customers did, with 95% intervals drawn; each
// treatment arm against the control (always-valid interval and p-value), per segment too; and the
// verdict in plain words.
import { h, show, loading, problemBox, label, table, badge } from './ui.js';
import { chartFigure, disposeCharts, intervalSeries, percent, withInterval } from './charts.js';
import { population, treatment } from './experiments.js';

/** How each outcome reads: shares as percentages (differences in points), health in points. */
const MEASURES = {
  RETAINED: { title: 'Customers retained', share: true },
  NEW_COMPLAINT: { title: 'Customers with a new complaint', share: true },
  HEALTH_CHANGE: { title: 'Mean change of health', share: false },
};

const VERDICT_KINDS = { BETTER: 'low', WORSE: 'high', NO_DIFFERENCE: 'neutral', NOT_ENOUGH_DATA: 'neutral' };

export function verdictWords(verdict, minimumPerArm) {
  switch (verdict) {
    case 'BETTER': return 'Better than control';
    case 'WORSE': return 'Worse than control';
    case 'NO_DIFFERENCE': return 'No difference found';
    default: return `Not enough data yet: each arm needs ${minimumPerArm} closed outcomes`;
  }
}

export async function experimentResultsPage(main, api, id) {
  disposeCharts();
  show(main, h('h2', {}, 'Experiment results'), loading('the results'));
  let experiment;
  let results;
  try {
    [experiment, results] = await Promise.all([
      api.call('getExperiment', { params: { id } }),
      api.call('getExperimentResults', { params: { id } }),
    ]);
  } catch (problem) {
    show(main, h('h2', {}, 'Experiment results'), problemBox(problem), back());
    return;
  }
  const measure = MEASURES[results.outcome] || { title: label(results.outcome), share: false };
  const value = (v) => (v === null || v === undefined ? '–' : measure.share ? percent(v) : Number(v).toFixed(1));
  const difference = (v) => (v === null || v === undefined ? '–' : measure.share ? `${(v * 100).toFixed(1)} points` : Number(v).toFixed(1));
  const scale = (v) => (v === null || v === undefined ? null : measure.share ? v * 100 : v);
  const words = (verdict) => verdictWords(verdict, results.minimumPerArm);
  show(
    main,
    h('h2', {}, `Results: ${experiment.name}`, badge(results.status, results.status === 'RUNNING' ? 'low' : 'neutral')),
    h('p', { class: 'muted' },
      `Who: ${population(experiment.population)} · measures ${label(results.outcome).toLowerCase()} · each customer followed for ${results.outcomeWindow} from enrolment · `
      + experiment.arms.map((arm) => `${arm.name}: ${treatment(arm.treatment)}`).join(' · ')),
    h('p', { class: 'verdict' }, 'Verdict: ', badge(words(results.verdict), VERDICT_KINDS[results.verdict])),
    results.arms.some((arm) => arm.estimate)
      ? null
      : h('p', { class: 'muted' }, `No closed outcome yet: each customer counts once followed for ${results.outcomeWindow}.`),
    h('div', { class: 'grid charts' },
      armsFigure(results, measure, value, scale),
      comparisonsFigure(results, measure, difference, scale, words)),
    h('section', { class: 'card' }, h('h3', {}, 'Per segment'),
      results.segments.length
        ? table('Each arm per segment of the customers when enrolled, against the control',
            ['Segment', 'Arm', 'Customers', 'Still followed', 'Outcomes', `${measure.title} (95% interval)`, 'Difference to control', 'p-value', 'Verdict'],
            results.segments.flatMap((segment) => segment.arms.map((arm) => {
              const comparison = segment.comparisons.find((c) => c.arm === arm.name);
              return [segment.segment, arm.name, arm.customers, arm.following, arm.outcomes, withInterval(arm.estimate, value),
                comparison ? withInterval(comparison.difference, difference) : 'control',
                comparison ? pValue(comparison.pValue) : '', comparison ? words(comparison.verdict) : ''];
            })), { hiddenCaption: true })
        : h('p', {}, 'No customer enrolled yet.')),
    back(),
  );
}

function back() {
  return h('p', {}, h('a', { href: '#/experiments' }, 'All experiments'));
}

function pValue(p) {
  if (p === null || p === undefined) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

function armsFigure(results, measure, value, scale) {
  const rows = results.arms.map((arm, i) => (arm.estimate
    ? [i, scale(arm.estimate.value), scale(arm.estimate.low), scale(arm.estimate.high)]
    : [i, null, null, null]));
  return chartFigure(
    `${measure.title} per arm (95% interval)`,
    {
      grid: { left: 56, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: results.arms.map((arm) => arm.name) },
      yAxis: measure.share ? { type: 'value', min: 0, max: 100, name: '%' } : { type: 'value', name: 'points' },
      series: [intervalSeries(measure.title, '#1f5fa8', rows)],
    },
    table(`${measure.title} per arm, over the closed outcome windows`,
      ['Arm', 'Customers', 'Still followed', 'Outcomes', `${measure.title} (95% interval)`],
      results.arms.map((arm) => [arm.name, arm.customers, arm.following, arm.outcomes, withInterval(arm.estimate, value)])),
  );
}

function comparisonsFigure(results, measure, difference, scale, words) {
  const rows = results.comparisons.map((c, i) => (c.difference
    ? [i, scale(c.difference.value), scale(c.difference.low), scale(c.difference.high)]
    : [i, null, null, null]));
  return chartFigure(
    'Difference to control (95% always-valid interval)',
    {
      grid: { left: 56, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: results.comparisons.map((c) => `${c.arm} − ${c.control}`), axisLine: { onZero: false } },
      // A value axis without `scale` always spans zero: no difference stays in view, drawn as a
      // line the intervals are read against.
      yAxis: { type: 'value', name: measure.share ? 'points' : 'health points' },
      series: [{
        ...intervalSeries('Difference to control', '#1f5fa8', rows, { point: true }),
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#b3261e', type: 'solid', width: 2 }, label: { formatter: 'no difference', position: 'insideEndTop' }, data: [{ yAxis: 0 }] },
      }],
    },
    table(`Each treatment arm against the control, ${results.test} test`,
      ['Arm', 'Control', 'Difference (95% always-valid interval)', 'p-value', 'Verdict'],
      results.comparisons.map((c) => [c.arm, c.control, withInterval(c.difference, difference), pValue(c.pValue), words(c.verdict)])),
  );
}
