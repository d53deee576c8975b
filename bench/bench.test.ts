// The benchmark's arithmetic and its README section, without a browser: percentiles, ratios, and
// rewriting only the text between the bench markers. The bench itself runs with `npm run bench`.

import { describe, expect, it } from 'vitest';
import {
  README_END,
  README_START,
  compare,
  chromiumVersion,
  formatMs,
  replaceReadmeSection,
  spreadOf,
  wrap,
} from './report.mjs';

describe('spreadOf', () => {
  it('takes p50, p95 and max from the sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(spreadOf(samples)).toEqual({ count: 100, p50: 51, p95: 96, max: 100 });
  });

  it('answers zeros for no samples rather than failing', () => {
    expect(spreadOf([])).toEqual({ count: 0, p50: 0, p95: 0, max: 0 });
  });
});

describe('compare', () => {
  it('says how many times faster or slower Deskpad is than the baseline', () => {
    expect(compare(9180, 569)).toBe('16× faster');
    expect(compare(2.8, 12.4)).toBe('4.4× slower');
    expect(compare(0, 1)).toBe('—');
  });
});

describe('formatMs', () => {
  it('keeps sub-millisecond timings readable and large ones grouped', () => {
    expect(formatMs(0.0421)).toBe('0.042 ms');
    expect(formatMs(0.85)).toBe('0.85 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(9180.4)).toBe('9,180 ms');
  });
});

describe('chromiumVersion', () => {
  it('reads the version from the DevTools product string', () => {
    expect(chromiumVersion('HeadlessChrome/156.0.8078.79')).toBe('Chromium 156.0.8078.79');
  });
});

describe('replaceReadmeSection', () => {
  const section = `${README_START}\nnew figures\n${README_END}`;

  it('replaces only the text between the markers', () => {
    const readme = `# Deskpad\n\nIntro.\n\n${README_START}\nold figures\n${README_END}\n\n## After\n`;
    expect(replaceReadmeSection(readme, section)).toBe(
      `# Deskpad\n\nIntro.\n\n${section}\n\n## After\n`,
    );
  });

  it('appends the section when the README has no markers yet', () => {
    expect(replaceReadmeSection('# Deskpad\n', section)).toBe(`# Deskpad\n\n${section}\n`);
    expect(replaceReadmeSection('', section)).toBe(`${section}\n`);
  });
});

describe('wrap', () => {
  it('breaks lines between words, never inside one', () => {
    expect(wrap('one two three four', 9)).toBe('one two\nthree\nfour');
  });
});
