// The progress bar's announcements: politely, at the start, a quarter further on or 15 s later,
// never on every tick; an unknown total leaves the bar without a value.

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportProgress } from './import-progress';
import { job } from './import-test-support';

describe('the import progress bar', () => {
  it('announces a quarter further on or after 15 s, not every tick', () => {
    let now = 0;
    const clock = () => now;
    const at = (rowsDone: number) => job({ rowsDone, rowsPerSecond: 100, secondsLeft: 9 });
    const { rerender } = render(<ImportProgress job={at(10)} label="Checking" now={clock} />);
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Checking 10 of 1,000 rows, 100 rows per second, about 9 s left');
    now = 1000;
    rerender(<ImportProgress job={at(120)} label="Checking" now={clock} />);
    expect(live.textContent).toContain('Checking 10 of');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('12');
    now = 2000;
    rerender(<ImportProgress job={at(260)} label="Checking" now={clock} />);
    expect(live.textContent).toContain('Checking 260 of');
    now = 3000;
    rerender(<ImportProgress job={at(300)} label="Checking" now={clock} />);
    expect(live.textContent).toContain('Checking 260 of');
    now = 18_000;
    rerender(<ImportProgress job={at(310)} label="Checking" now={clock} />);
    expect(live.textContent).toContain('Checking 310 of');
  });

  it('has no value while the total is not known', () => {
    render(<ImportProgress job={job({ rowsTotal: null, rowsDone: 5000 })} label="Importing" />);
    const bar = screen.getByRole('progressbar', { name: 'Importing progress' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('aria-valuetext')).toBe('Importing 5,000 rows');
  });
});
