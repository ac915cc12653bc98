// "Does the churn score predict?": per churn-risk level, the share of customers who then went
// silent or cancelled within the outcome window, with its 95% interval; for every segment or one.
import { h, show, loading, problemBox, label, field, table, badge } from './ui.js';
import { chartFigure, intervalSeries, percent, withInterval } from './charts.js';

const RISKS = ['LOW', 'MEDIUM', 'HIGH'];
const RISK_COLOURS = { LOW: '#2e7d32', MEDIUM: '#b26a00', HIGH: '#c62828' };
const TITLE = 'Does the churn score predict?';

/** The section, with a segment filter over {@code segments} (the page's segment names). */
export function calibrationSection(api, segments) {
  const body = h('div', { 'aria-live': 'polite' }, loading('the calibration'));
  const filter = h('select', { name: 'segment' },
    h('option', { value: '' }, 'Every segment'),
    segments.map((segment) => h('option', { value: segment }, segment)));
  const load = async () => {
    show(body, loading('the calibration'));
    try {
      show(body, calibrationPart(await api.call('getCalibration', { query: { segment: filter.value } }), filter.value));
    } catch (problem) {
      show(body, h('p', { class: 'degraded', role: 'status' }, `${TITLE} Not available right now.`), problemBox(problem));
    }
  };
  filter.addEventListener('change', load);
  load();
  return h('section', { class: 'card calibration', 'aria-labelledby': 'calibration-heading' },
    h('h3', { id: 'calibration-heading' }, TITLE),
    h('div', { class: 'filters' }, field('Segment', filter)),
    body);
}

function verdict(predicts) {
  if (predicts === true) return badge('The score predicts', 'low');
  if (predicts === false) return badge('The score does not predict', 'high');
  return badge('Too few to say yet', 'neutral');
}

function calibrationPart(calibration, segment) {
  const order = (row) => RISKS.indexOf(row.churnRisk);
  const rows = [...calibration.items].sort((a, b) => a.segment.localeCompare(b.segment) || order(a) - order(b));
  // With no closed window yet the chart still shows the three levels, empty.
  const shown = rows.length ? rows : RISKS.map((churnRisk) => ({ segment, churnRisk, churnRate: null }));
  const names = shown.map((row) => (segment ? label(row.churnRisk) : `${row.segment || 'every segment'} · ${label(row.churnRisk)}`));
  const series = RISKS.map((risk) => intervalSeries(`${label(risk)} risk`, RISK_COLOURS[risk], shown.map((row, i) =>
    row.churnRisk === risk && row.churnRate
      ? [i, row.churnRate.value * 100, scaled(row.churnRate.low), scaled(row.churnRate.high)]
      : [i, null, null, null])));
  return [
    h('p', { class: 'verdict' }, verdict(calibration.predicts), ' ', calibration.detail),
    rows.length ? null : h('p', { class: 'muted' },
      `No closed window yet: each customer's risk is noted once per ${calibration.outcomeWindow} and counted when that window has passed.`),
    chartFigure(
      `Customers who churned within ${calibration.outcomeWindow}, per churn risk`,
      {
        grid: { left: 48, right: 16, top: 32, bottom: segment ? 40 : 96 },
        legend: { top: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: segment ? 0 : 30 } },
        yAxis: { type: 'value', min: 0, max: 100, name: '%' },
        series,
      },
      table('Customers noted per segment and churn risk, and the share who churned (95% interval)',
        ['Segment', 'Churn risk', 'Customers', 'Churned', 'Churn rate'],
        rows.map((row) => [row.segment, label(row.churnRisk), row.customers, row.churned, withInterval(row.churnRate, percent)])),
    ),
  ];
}

function scaled(share) {
  return share === null || share === undefined ? null : share * 100;
}
