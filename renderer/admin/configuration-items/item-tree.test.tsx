// The configuration item tree by keyboard: one Tab stop, arrows move, Right opens (loading the
// children then) and Left closes or goes up, Enter picks, a match revealed deep down; axe-clean.

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ConfigurationItemNode } from '../../../shared/admin/configuration-items';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { ItemTree } from './item-tree';
import { useItemTree, type LoadChildren } from './use-item-tree';

const node = (
  id: string,
  name: string,
  parentId: string | null,
  childCount = 0,
): ConfigurationItemNode => ({
  id,
  name,
  className: parentId === null ? 'Site' : 'Device',
  parentId,
  location: 'HQ',
  active: true,
  childCount,
});

const ITEMS = [
  node('site-a', 'Alpha site', null, 2),
  node('site-b', 'Beta site', null, 0),
  node('bld-1', 'Building 1', 'site-a', 1),
  node('bld-2', 'Building 2', 'site-a', 0),
  node('net-1', 'Floor 1 network', 'bld-1', 0),
];

function treeSource(pageSize = 200) {
  const asked: (string | null)[] = [];
  const load: LoadChildren = (parentId, after) => {
    asked.push(parentId);
    const all = ITEMS.filter((i) => i.parentId === parentId);
    const start = after ? all.findIndex((i) => i.id === after.id) + 1 : 0;
    const items = all.slice(start, start + pageSize);
    return Promise.resolve({ items, more: start + pageSize < all.length });
  };
  return { asked, load };
}

/** The tree as a page uses it, with a button that reveals the floor network as a search would. */
function Harness({ load }: { load: LoadChildren }) {
  const tree = useItemTree(load);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);
  const requests = useRef(0);
  const revealFloor = async (): Promise<void> => {
    const [site, building, floor] = [ITEMS[0], ITEMS[2], ITEMS[4]];
    if (!site || !building || !floor) return;
    await tree.reveal([site, building], floor);
    setSelected(floor.id);
    requests.current += 1;
    setFocusRequest({ id: floor.id, seq: requests.current });
  };
  return (
    <>
      <ItemTree
        label="Configuration items"
        rows={tree.rows}
        selectedId={selected}
        focusRequest={focusRequest}
        onExpand={tree.expand}
        onCollapse={tree.collapse}
        onSelect={(n) => setSelected(n.id)}
        onLoadMore={(key) => void tree.loadMore(key)}
      />
      <p>Selected: {selected ?? 'none'}</p>
      <button type="button" onClick={() => void revealFloor()}>
        Reveal the floor network
      </button>
    </>
  );
}

const item = (name: RegExp) => screen.getByRole('treeitem', { name });

describe('the configuration item tree', () => {
  it('moves by arrows, opens with Right, closes with Left and picks with Enter', async () => {
    const user = userEvent.setup();
    const source = treeSource();
    render(<Harness load={source.load} />);
    await screen.findByRole('treeitem', { name: /Alpha site/ });
    await user.click(screen.getByText(/^Selected:/));
    await user.tab();
    expect(document.activeElement).toBe(item(/Alpha site/));
    expect(item(/Alpha site/).getAttribute('aria-expanded')).toBe('false');
    expect(item(/Beta site/).getAttribute('aria-expanded')).toBeNull();

    await user.keyboard('{ArrowRight}');
    await screen.findByRole('treeitem', { name: /Building 1/ });
    expect(item(/Alpha site/).getAttribute('aria-expanded')).toBe('true');
    expect(source.asked).toEqual([null, 'site-a']);
    expect(item(/Building 1/).getAttribute('aria-level')).toBe('2');

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(item(/Building 1/));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(item(/Building 2/));
    await user.keyboard('{Enter}');
    expect(screen.getByText(/^Selected:/).textContent).toBe('Selected: bld-2');
    expect(item(/Building 2/).getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(item(/Alpha site/));
    await user.keyboard('{ArrowLeft}');
    expect(item(/Alpha site/).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: /Building 1/ })).toBeNull();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(item(/Beta site/));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(item(/Alpha site/));
    // One Tab stop: Tab leaves the tree.
    expect(screen.getAllByRole('treeitem').filter((e) => e.tabIndex === 0)).toHaveLength(1);
    await expectNoAxeViolations(screen.getByRole('tree', { name: 'Configuration items' }));
  });

  it('reveals a deep match: opens its parents and focuses it', async () => {
    const user = userEvent.setup();
    const source = treeSource();
    render(<Harness load={source.load} />);
    await screen.findByRole('treeitem', { name: /Alpha site/ });
    await user.click(screen.getByRole('button', { name: 'Reveal the floor network' }));
    await waitFor(() => expect(document.activeElement).toBe(item(/Floor 1 network/)));
    expect(item(/Floor 1 network/).getAttribute('aria-level')).toBe('3');
    expect(item(/Floor 1 network/).getAttribute('aria-selected')).toBe('true');
    expect(item(/Building 1/).getAttribute('aria-expanded')).toBe('true');
  });

  it('loads a long list a page at a time', async () => {
    const user = userEvent.setup();
    const source = treeSource(1);
    render(<Harness load={source.load} />);
    await screen.findByRole('treeitem', { name: /Alpha site/ });
    expect(screen.queryByRole('treeitem', { name: /Beta site/ })).toBeNull();
    await user.tab();
    await user.keyboard('{ArrowDown}{Enter}');
    await screen.findByRole('treeitem', { name: /Beta site/ });
  });

  it('keeps focus in the tree when the Loading… row it was on is replaced by the items', async () => {
    const user = userEvent.setup();
    let answer: (() => void) | null = null;
    const source = treeSource();
    const slow: LoadChildren = (parentId, after) =>
      new Promise((resolve) => {
        answer = () => void source.load(parentId, after).then(resolve);
      });
    render(<Harness load={slow} />);
    const loading = await screen.findByRole('treeitem', { name: 'Loading…' });
    await user.tab();
    expect(document.activeElement).toBe(loading);
    (answer as (() => void) | null)?.();
    await waitFor(() => expect(document.activeElement).toBe(item(/Alpha site/)));
  });
});
