// One dashboard chart: drawn with Observable Plot (SVG, with its ARIA label and description), the
// table of its numbers one keypress away (T, or the Show table button), and the same table as a
// CSV download. Print shows every table beside its chart.

import * as Plot from '@observablehq/plot';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { useEffect, useId, useRef } from 'react';
import { tableRecords, type ChartTable } from './dashboard-data';

const BAR = '#1b5cb8';
const SECOND_BAR = '#7aa6e0';
const TARGET = '#b1231a';

/**
 * The chart as one image to assistive technology: the SVG that carries the chart's ARIA label and
 * description is an `img` (its marks' own labels, "bar" and "rule", are dropped), and any other
 * SVG (a legend's swatch) is hidden, the legend's words staying as text.
 */
function asImage(chart: SVGSVGElement | HTMLElement): SVGSVGElement | HTMLElement {
  const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll('svg')];
  for (const svg of svgs) {
    if (svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
    else svg.setAttribute('aria-hidden', 'true');
    // Plot names each mark's group ("bar", "rule"): words for no one inside an image.
    for (const part of svg.querySelectorAll('[aria-label]')) part.removeAttribute('aria-label');
  }
  return chart;
}

/**
 * Plot writes its default look as <style> elements, which the desk's Content Security Policy
 * (style-src 'self') refuses with an error in the console: they go, and dashboard.css carries the
 * same rules for `.chart__plot`.
 */
function withoutStyleElements(chart: SVGSVGElement | HTMLElement): SVGSVGElement | HTMLElement {
  for (const style of chart.querySelectorAll('style')) style.remove();
  return chart;
}

/** The chart's SVG: one bar per label for counts; median and 90th percentile side by side for times. */
export function drawChart(table: ChartTable): SVGSVGElement | HTMLElement {
  return asImage(withoutStyleElements(plotOf(table)));
}

function plotOf(table: ChartTable): SVGSVGElement | HTMLElement {
  const labels = table.rows.map((r) => r.label);
  const common = {
    ariaLabel: table.title,
    ariaDescription: table.description,
    height: 220,
    marginLeft: 44,
    marginBottom: 36,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    // dashboard.css styles these classes (plot, plot-swatches, plot-swatch…) in place of Plot's own.
    className: 'plot',
  };
  if (table.unit === 'count') {
    const data = table.rows.map((r) => ({ label: r.label, value: r.values[0] ?? 0 }));
    return Plot.plot({
      ...common,
      x: { domain: labels, label: null, tickRotate: labels.length > 12 ? -45 : 0 },
      y: { grid: true, label: 'Count', nice: true },
      marks: [Plot.barY(data, { x: 'label', y: 'value', fill: BAR }), Plot.ruleY([0])],
    });
  }
  // Times: the first two value columns are the median and the 90th percentile, in minutes.
  const series = table.columns.slice(1, 3);
  const data = table.rows.flatMap((r) =>
    series.map((name, i) => ({ label: r.label, series: name, value: r.values[i] ?? 0 })),
  );
  const marks: Plot.Markish[] = [
    Plot.barY(data, { fx: 'label', x: 'series', y: 'value', fill: 'series' }),
    Plot.ruleY([0]),
  ];
  if (table.target)
    marks.push(
      Plot.ruleY([table.target.value], { stroke: TARGET, strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.text([table.target], {
        y: 'value',
        text: 'label',
        frameAnchor: 'right',
        dy: -8,
        fill: TARGET,
        fontWeight: 'bold',
      }),
    );
  return Plot.plot({
    ...common,
    fx: { domain: labels, label: null },
    x: { domain: series, axis: null },
    y: { grid: true, label: 'Minutes', nice: true },
    color: { domain: series, range: [BAR, SECOND_BAR], legend: true },
    marks,
  });
}

/** The table as CSV text (RFC 4180 quoting by csv-stringify). */
export const tableCsv = (table: ChartTable): string => stringify(tableRecords(table));

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const formatValue = (value: number | null, unit: ChartTable['unit']): string =>
  value === null ? '—' : unit === 'minutes' ? value.toLocaleString('en-GB') : String(value);

export function ChartFigure({
  table,
  tableShown,
  onToggleTable,
  fileSuffix,
}: {
  table: ChartTable;
  tableShown: boolean;
  onToggleTable: () => void;
  /** What names the period in the CSV's file name ("2026-11-01-to-2026-11-28"). */
  fileSuffix: string;
}) {
  const id = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = plotRef.current;
    if (!node) return;
    node.replaceChildren(drawChart(table));
    return () => node.replaceChildren();
  }, [table]);
  return (
    <figure
      className="chart"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onKeyDown={(e) => {
        if (e.key.toLowerCase() !== 't' || e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
        e.preventDefault();
        onToggleTable();
      }}
    >
      <figcaption className="chart__caption">
        <h3 id={`${id}-title`} className="chart__title">
          {table.title}
        </h3>
        <p id={`${id}-description`} className="chart__description">
          {table.description}
        </p>
      </figcaption>
      <div ref={plotRef} className="chart__plot" aria-hidden={tableShown ? true : undefined} />
      <div className="chart__actions">
        <button
          type="button"
          className="button"
          aria-expanded={tableShown}
          aria-controls={`${id}-table`}
          aria-keyshortcuts="T"
          onClick={onToggleTable}
        >
          {tableShown ? 'Hide table' : 'Show table'} <kbd>T</kbd>
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download(`deskpad-${table.id}-${fileSuffix}.csv`, tableCsv(table))}
        >
          Download CSV
        </button>
      </div>
      <table id={`${id}-table`} className="chart__table" hidden={!tableShown}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={column} scope="col" className={i === 0 ? undefined : 'number'}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, i) => (
                <td key={table.columns[i + 1] ?? i} className="number">
                  {formatValue(value, i < 2 ? table.unit : 'count')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
