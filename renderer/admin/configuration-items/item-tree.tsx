// The configuration item tree on the WAI-ARIA tree pattern: one Tab stop, arrows move, Right opens
// and Left closes or goes up, Home/End, Enter picks. Never loads data itself: use-item-tree does.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ConfigurationItemNode } from '../../../shared/admin/configuration-items';
import type { TreeRow } from './use-item-tree';

interface ItemTreeProps {
  label: string;
  rows: TreeRow[];
  selectedId: string | null;
  /** The row to move focus to (a revealed search match), once. */
  focusRequest: { id: string; seq: number } | null;
  onExpand: (id: string) => void;
  onCollapse: (id: string) => void;
  onSelect: (node: ConfigurationItemNode) => void;
  onLoadMore: (parentKey: string) => void;
}

function rowText(row: TreeRow): string {
  if (row.kind !== 'item') return row.text;
  const retired = row.node.active ? '' : ' (retired)';
  return `${row.node.name}${retired}`;
}

export function ItemTree(props: ItemTreeProps) {
  const { rows, selectedId } = props;
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const tree = useRef<HTMLUListElement>(null);

  // The Tab stop: the focused row, else the selected one, else the first.
  const stopKey =
    (focusKey !== null && rows.some((r) => r.key === focusKey) ? focusKey : null) ??
    (selectedId !== null && rows.some((r) => r.key === selectedId) ? selectedId : null) ??
    rows[0]?.key ??
    null;

  /** Moves focus to a row on screen; its onFocus makes it the Tab stop. */
  const focusRow = (key: string | undefined): void => {
    if (key === undefined) return;
    const element = [...(tree.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find(
      (e) => e.dataset.key === key,
    );
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest' });
  };

  useEffect(() => {
    const request = props.focusRequest;
    if (!request) return;
    const element = [...(tree.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find(
      (e) => e.dataset.key === request.id,
    );
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [props.focusRequest]);

  const moveTo = focusRow;

  // A focused row can be replaced (Loading… by the items, a page reloaded after a change):
  // focus then falls to the page. Put it back on the tree's Tab stop.
  const holdsFocus = useRef(false);
  useEffect(() => {
    const active = document.activeElement;
    if (!holdsFocus.current || (active !== null && active !== document.body)) return;
    const element = [...(tree.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find(
      (e) => e.dataset.key === stopKey,
    );
    element?.focus();
  }, [rows, stopKey]);

  const activate = (row: TreeRow): void => {
    if (row.kind === 'item') props.onSelect(row.node);
    else if (row.kind === 'more') props.onLoadMore(row.parentKey);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const index = rows.findIndex((r) => r.key === stopKey);
    const row = rows[index];
    if (!row) return;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(rows[index + 1]?.key);
        break;
      case 'ArrowUp':
        moveTo(rows[index - 1]?.key);
        break;
      case 'Home':
        moveTo(rows[0]?.key);
        break;
      case 'End':
        moveTo(rows.at(-1)?.key);
        break;
      case 'ArrowRight':
        if (row.kind === 'item' && row.expanded === false) props.onExpand(row.node.id);
        else if (row.kind === 'item' && row.expanded === true) moveTo(rows[index + 1]?.key);
        break;
      case 'ArrowLeft':
        if (row.kind === 'item' && row.expanded === true) props.onCollapse(row.node.id);
        else if (row.parentKey !== '') moveTo(row.parentKey);
        break;
      case 'Enter':
      case ' ':
        activate(row);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <ul
      ref={tree}
      role="tree"
      aria-label={props.label}
      className="item-tree"
      onKeyDown={onKeyDown}
      onFocus={() => (holdsFocus.current = true)}
      onBlur={(event) => {
        // Focus moved on (to another control, or a click elsewhere) unless its row was removed.
        const left = event.target;
        const moved = event.relatedTarget;
        if (moved !== null && !tree.current?.contains(moved)) holdsFocus.current = false;
        else if (moved === null)
          setTimeout(() => {
            if (left.isConnected) holdsFocus.current = false;
          }, 0);
      }}
    >
      {rows.map((row) => {
        const common = {
          'data-key': row.key,
          tabIndex: row.key === stopKey ? 0 : -1,
          'aria-level': row.level,
          style: { paddingInlineStart: `${(row.level - 1) * 1.25 + 0.25}rem` },
          onFocus: () => setFocusKey(row.key),
        };
        if (row.kind !== 'item')
          return (
            <li
              key={row.key}
              {...common}
              role="treeitem"
              aria-selected={false}
              className={`item-tree-row item-tree-row--${row.kind}`}
              onClick={() => activate(row)}
            >
              {row.text}
            </li>
          );
        return (
          <li
            key={row.key}
            {...common}
            role="treeitem"
            aria-expanded={row.expanded}
            aria-selected={row.node.id === selectedId}
            aria-posinset={row.posinset}
            aria-setsize={row.setsize}
            className={row.node.active ? 'item-tree-row' : 'item-tree-row is-retired'}
            onClick={() => {
              setFocusKey(row.key);
              props.onSelect(row.node);
            }}
          >
            <span
              className="item-tree-toggle"
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                if (row.expanded === true) props.onCollapse(row.node.id);
                else if (row.expanded === false) props.onExpand(row.node.id);
              }}
            >
              {row.expanded === undefined ? '' : row.expanded ? '▾' : '▸'}
            </span>
            {rowText(row)}
            <span className="item-tree-class"> · {row.node.className}</span>
          </li>
        );
      })}
    </ul>
  );
}
