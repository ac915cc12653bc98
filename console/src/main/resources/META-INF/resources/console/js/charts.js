// Charts for the analyst's pages, drawn with ECharts. Every chart's numbers are also given as a
// table under it, for screen readers and for copying.
import { h } from './ui.js';

const charts = [];

window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));

/** Frees the charts of the page being left. */
export function disposeCharts() {
  charts.splice(0).forEach((chart) => chart.dispose());
}

/** A card with a chart and, in a disclosure under it, the table of its numbers. */
export function chartFigure(title, option, numbers) {
  const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: the numbers are in the table below` });
  const figure = h(
    'figure',
    { class: 'card' },
    h('figcaption', {}, h('h3', {}, title)),
    canvas,
    h('details', {}, h('summary', {}, `${title}: the numbers`), numbers),
  );
  // Drawn once the figure is on the page, so the chart knows its width.
  requestAnimationFrame(() => {
    if (!window.echarts) return;
    const chart = window.echarts.init(canvas, null, { renderer: 'svg' });
    chart.setOption({ animation: false, aria: { enabled: true }, ...option });
    charts.push(chart);
  });
  return figure;
}

const WHISKER = { stroke: '#1b1f24', lineWidth: 1.5 };

/**
 * A series of bars (or points) with their 95% interval as an error bar. {@code rows} are
 * [category index, value, low, high]; a null value draws nothing, a null low or high no whisker.
 * {@code offset} moves the bars of one series beside another's in the same category.
 */
export function intervalSeries(name, colour, rows, { offset = 0, point = false } = {}) {
  const missing = (v) => v === null || v === undefined || Number.isNaN(v);
  return {
    type: 'custom',
    name,
    itemStyle: { color: colour },
    // The axis spans the intervals too, not only the values.
    encode: { x: 0, y: [1, 2, 3] },
    data: rows,
    renderItem: (params, api) => {
      if (missing(api.value(1))) return null;
      const width = api.size([1, 0])[0] * 0.3;
      const x = api.coord([api.value(0), 0])[0] + offset * width;
      const y = (value) => api.coord([api.value(0), value])[1];
      const children = point
        ? [{ type: 'circle', shape: { cx: x, cy: y(api.value(1)), r: 6 }, style: { fill: colour } }]
        : [{ type: 'rect', shape: { x: x - width / 2, y: Math.min(y(api.value(1)), y(0)), width, height: Math.abs(y(0) - y(api.value(1))) }, style: { fill: colour } }];
      if (!missing(api.value(2)) && !missing(api.value(3))) {
        const low = y(api.value(2));
        const high = y(api.value(3));
        children.push(
          { type: 'line', shape: { x1: x, y1: low, x2: x, y2: high }, style: WHISKER },
          { type: 'line', shape: { x1: x - 5, y1: low, x2: x + 5, y2: low }, style: WHISKER },
          { type: 'line', shape: { x1: x - 5, y1: high, x2: x + 5, y2: high }, style: WHISKER },
        );
      }
      return { type: 'group', children };
    },
  };
}

/** 0.52 -> "52.0%"; null -> "–". */
export function percent(share, digits = 1) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)}%`;
}

/** An estimate with its interval in words: "52.0% (44.0–59.9%)", or as {@code format} writes each. */
export function withInterval(estimate, format = percent) {
  if (!estimate) return '–';
  if (estimate.low === null || estimate.low === undefined) return format(estimate.value);
  return `${format(estimate.value)} (${format(estimate.low)} to ${format(estimate.high)})`;
}
