// The analyst's page: segments, journeys, what works, whether the churn score predicts, and the
// customers at risk. Every chart's numbers are also given as a table (charts.js).
import { h, show, loading, problemBox, label, table, badge, DEPARTMENTS } from './ui.js';
import { chartFigure, disposeCharts, intervalSeries } from './charts.js';
import { calibrationSection } from './calibration.js';

const RISK_COLOURS = { LOW: '#2e7d32', MEDIUM: '#b26a00', HIGH: '#c62828' };

function fixed(value, digits = 1) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
}

export async function insightsPage(main, api) {
  disposeCharts();
  show(main, h('h2', {}, 'Insights'), loading('the insights'));
  const [segments, journeys, atRisk, outcomes] = await Promise.all(
    [
      api.call('getSegmentInsights'),
      api.call('getJourneyInsights'),
      api.call('listCustomersAtRisk', { query: { minRisk: 'HIGH', limit: 20 } }),
      api.may('getActionOutcomes') ? api.call('getActionOutcomes') : Promise.resolve(null),
    ].map((call) => call.catch((problem) => ({ problem }))),
  );
  show(
    main,
    h('h2', {}, 'Insights'),
    h('div', { class: 'grid charts' },
      segments.problem ? problemBox(segments.problem) : segmentFigures(segments.segments),
      journeys.problem ? problemBox(journeys.problem) : journeyFigures(journeys)),
    outcomes === null ? null : outcomes.problem ? problemBox(outcomes.problem) : whatWorks(outcomes),
    api.may('getCalibration') ? calibrationSection(api, segments.problem ? [] : segments.segments.map((s) => s.segment)) : null,
    atRisk.problem ? problemBox(atRisk.problem) : atRiskPart(atRisk),
  );
}

function rate(r) {
  return r ? `${(r.rate * 100).toFixed(0)}% (${(r.low * 100).toFixed(0)}–${(r.high * 100).toFixed(0)}%)` : '–';
}

function change(c) {
  if (!c) return '–';
  return c.low === null || c.low === undefined ? fixed(c.mean) : `${fixed(c.mean)} (${fixed(c.low)} to ${fixed(c.high)})`;
}

/** Retained rate after each action, against customers nobody acted on, with 95% intervals. */
function whatWorks(outcomes) {
  const rows = outcomes.items.filter((o) => o.acted.outcomes || o.comparison.outcomes);
  const names = rows.map((o) => `${label(o.code)} · ${o.segment}`);
  const bar = (group, name, colour, offset) => intervalSeries(name, colour, rows.map((o, i) => {
    const r = o[group].retainedRate;
    return r ? [i, r.rate * 100, r.low * 100, r.high * 100] : [i, null, null, null];
  }), { offset });
  return h('div', { class: 'charts grid' },
    rows.length
      ? chartFigure(
          `What works: customers retained within ${outcomes.outcomeWindow} of an action`,
          {
            grid: { left: 48, right: 16, top: 32, bottom: 96 },
            legend: { top: 0 },
            xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
            yAxis: { type: 'value', min: 0, max: 100, name: '%' },
            series: [bar('acted', 'Acted on', '#1f5fa8', -0.5), bar('comparison', 'Nobody acted', '#9aa5b1', 0.5)],
          },
          table('Retained, health change and complaints after each action, against customers nobody acted on (95% intervals)',
            ['Action · segment', 'Acted on', 'Retained', 'Health change', 'Nobody acted', 'Retained', 'Health change', 'Still followed'],
            rows.map((o, i) => [names[i], o.acted.outcomes, rate(o.acted.retainedRate), change(o.acted.healthChange),
              o.comparison.outcomes, rate(o.comparison.retainedRate), change(o.comparison.healthChange), o.following])))
      : h('section', { class: 'card' }, h('h3', {}, 'What works'),
          h('p', {}, `No outcome yet: each action is followed for ${outcomes.outcomeWindow} before it counts.`)));
}

function segmentFigures(segments) {
  const names = segments.map((s) => s.segment);
  return [
    chartFigure(
      'Average health per segment',
      {
        grid: { left: 48, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{ type: 'bar', name: 'Average health', data: segments.map((s) => s.averageHealth), itemStyle: { color: '#1f5fa8' } }],
        tooltip: {},
      },
      table('Average health per segment', ['Segment', 'Customers', 'Average health'], segments.map((s) => [s.segment, s.customers, fixed(s.averageHealth)])),
    ),
    chartFigure(
      'Churn risk per segment',
      {
        grid: { left: 48, right: 16, top: 32, bottom: 56 },
        legend: { top: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value' },
        tooltip: { trigger: 'axis' },
        series: ['LOW', 'MEDIUM', 'HIGH'].map((risk) => ({
          type: 'bar', stack: 'risk', name: label(risk), itemStyle: { color: RISK_COLOURS[risk] },
          data: segments.map((s) => s.risk[risk] || 0),
        })),
      },
      table('Churn risk per segment', ['Segment', 'Low', 'Medium', 'High'], segments.map((s) => [s.segment, s.risk.LOW || 0, s.risk.MEDIUM || 0, s.risk.HIGH || 0])),
    ),
    h('section', { class: 'card' },
      h('h3', {}, 'Voice of the customer per segment'),
      table('NPS, CSAT and effort per segment', ['Segment', 'NPS', 'CSAT (1–5)', 'Contacts per case'],
        segments.map((s) => [s.segment, s.nps === null ? '–' : s.nps, fixed(s.csat, 2), fixed(s.averageEffort, 2)]), { hiddenCaption: true })),
  ];
}

function journeyFigures(journeys) {
  const counts = new Map(journeys.handoffMatrix.map((c) => [`${c.from}>${c.to}`, c.count]));
  const cells = [];
  DEPARTMENTS.forEach((from, y) => DEPARTMENTS.forEach((to, x) => cells.push([x, y, counts.get(`${from}>${to}`) || 0])));
  const most = Math.max(1, ...cells.map((cell) => cell[2]));
  const paths = [...journeys.paths].sort((a, b) => b.cases - a.cases).slice(0, 10);
  return [
    chartFigure(
      'Handoffs between departments',
      {
        grid: { left: 88, right: 16, top: 8, bottom: 96 },
        xAxis: { type: 'category', data: DEPARTMENTS.map(label), name: 'handed to', nameLocation: 'middle', nameGap: 52, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'category', data: DEPARTMENTS.map(label), name: 'from', nameLocation: 'middle', nameGap: 72, axisLabel: { interval: 0 } },
        visualMap: { min: 0, max: most, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80, inRange: { color: ['#f4f7fb', '#1f5fa8'] } },
        tooltip: {},
        series: [{ type: 'heatmap', name: 'Handoffs', data: cells, label: { show: true } }],
      },
      table('Handoffs between departments (from, to, count)', ['From', 'To', 'Handoffs'],
        journeys.handoffMatrix.map((c) => [label(c.from), label(c.to), c.count])),
    ),
    h('section', { class: 'card' },
      h('h3', {}, 'Most common case paths'),
      paths.length
        ? table('Most common case paths', ['Path', 'Cases', 'Average resolution (hours)', 'Average contacts'],
            paths.map((p) => [p.path.map(label).join(' → '), p.cases, fixed(p.averageResolutionHours), fixed(p.averageContacts)]), { hiddenCaption: true })
        : h('p', {}, 'No case yet.')),
  ];
}

function atRiskPart(page) {
  return h('section', { class: 'card' },
    h('h3', {}, 'Customers at high risk'),
    page.items.length
      ? table('Customers at high risk, with the reasons', ['Customer', 'Segment', 'Risk', 'Health', 'Reasons'],
          page.items.map((c) => [
            h('a', { href: `#/customers/${c.customerId}` }, `Customer ${c.customerId.slice(0, 8)}`),
            c.segment, badge(c.churnRisk), c.healthScore,
            c.reasons.map((r) => label(r.code)).join(', '),
          ]), { hiddenCaption: true })
      : h('p', {}, 'No customer is at high risk.'));
}
