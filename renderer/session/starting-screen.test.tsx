// Starting…: one status line and nothing else a person, a screen reader or Tab can reach; the
// desk's type and controls laid out out of sight meanwhile, so the first frame of the desk does
// not load every face at once (decision 0016).

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { StartingScreen } from './starting-screen';

describe('Starting…', () => {
  it('says Starting… and nothing else, and has no axe violations', async () => {
    render(<StartingScreen />);
    const main = screen.getByRole('main', { name: 'Deskpad' });
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Starting…');
    // The warmed type is pseudo-elements: no text for a reader or a search.
    expect(main.textContent).toBe('Starting…');
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
    await expectNoAxeViolations(main);
  });

  it('lays the desk’s type and controls out of sight, inert and hidden from the accessibility tree', () => {
    const { container } = render(<StartingScreen />);
    const warm = container.querySelector('.type-warm-up');
    expect(warm?.getAttribute('aria-hidden')).toBe('true');
    expect(warm?.hasAttribute('inert')).toBe(true);
    expect(warm?.querySelectorAll('span').length).toBeGreaterThan(5);
    for (const tag of ['input', 'select', 'textarea', 'button'])
      expect(warm?.querySelector(tag)?.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves Tab nowhere to go but the page, and shows what kept the desk from starting', async () => {
    const user = userEvent.setup();
    render(<StartingScreen problem="The desk could not be loaded." />);
    expect(screen.getByRole('status').textContent).toBe('The desk could not be loaded.');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });
});
