// The Configuration items page of Administration: the tree (site → building → floor network →
// device) read a level at a time, search that opens the tree at a match, and add, move, retire.

import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import type {
  ConfigurationItemMatch,
  ConfigurationItemNode,
} from '../../../shared/admin/configuration-items';
import { useStoreHost } from '../../app/deskpad-context';
import { adminCall } from '../admin-client';
import { AddItemDialog, MoveItemDialog, RetireItemDialog } from './item-dialogs';
import { ItemTree } from './item-tree';
import { useItemTree, type LoadChildren } from './use-item-tree';

type Dialog = 'add-top' | 'add-inside' | 'move' | 'retire' | null;

export function ConfigurationItemsPage() {
  const store = useStoreHost();
  const id = useId();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [selected, setSelected] = useState<ConfigurationItemNode | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<ConfigurationItemMatch[] | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);
  const requests = useRef(0);

  const load = useCallback<LoadChildren>(
    async (parentId, after) => {
      const answer = await adminCall(store, 'configuration-items.children', {
        parentId,
        includeRetired,
        ...(after ? { after } : {}),
      });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value;
    },
    [store, includeRetired],
  );
  const tree = useItemTree(load);

  const search = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await adminCall(store, 'configuration-items.search', { q, includeRetired });
    if (!answer.ok) {
      setProblem(answer.error.message);
      setMatches(null);
      return;
    }
    setProblem(null);
    setMatches(answer.value.items);
    setStatus(
      answer.value.items.length === 0
        ? `No item matches ${q}.`
        : `${answer.value.items.length}${answer.value.more ? '+' : ''} items match ${q}.`,
    );
  };

  const reveal = async (match: ConfigurationItemMatch): Promise<void> => {
    await tree.reveal(match.path, match);
    setSelected(match);
    requests.current += 1;
    setFocusRequest({ id: match.id, seq: requests.current });
  };

  const done = (message: string, item: ConfigurationItemNode): void => {
    setDialog(null);
    setStatus(message);
    setSelected(item.active || includeRetired ? item : null);
    void tree.refresh();
  };

  const restore = async (item: ConfigurationItemNode): Promise<void> => {
    const answer = await adminCall(store, 'configuration-items.restore', { id: item.id });
    if (!answer.ok) setProblem(answer.error.message);
    else {
      setProblem(null);
      done(`${item.name} restored.`, answer.value.item);
    }
  };

  return (
    <div className="org-page">
      <form
        className="list-controls"
        role="search"
        aria-label="Configuration items"
        onSubmit={(e) => void search(e)}
      >
        <div className="filters">
          <label htmlFor={`${id}-search`}>Search configuration items</label>
          <input
            id={`${id}-search`}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={includeRetired}
            onChange={(e) => {
              setIncludeRetired(e.target.checked);
              setSelected(null);
            }}
          />
          Show retired items
        </label>
      </form>
      <p role="status" className="muted">
        {status}
      </p>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {matches && matches.length > 0 && (
        <ul className="admin-matches" aria-label="Matches">
          {matches.map((match) => (
            <li key={match.id}>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void reveal(match)}
              >
                Show {match.name} in the tree
              </button>{' '}
              <span className="muted">
                {[...match.path.map((p) => p.name), match.className].join(' › ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="admin-columns">
        <ItemTree
          key={includeRetired ? 'with-retired' : 'active'}
          label="Configuration items"
          rows={tree.rows}
          selectedId={selected?.id ?? null}
          focusRequest={focusRequest}
          onExpand={tree.expand}
          onCollapse={tree.collapse}
          onSelect={setSelected}
          onLoadMore={(key) => void tree.loadMore(key)}
        />
        <div className="admin-detail" aria-live="polite">
          <div className="actions">
            <button type="button" className="button" onClick={() => setDialog('add-top')}>
              Add a top-level item
            </button>
          </div>
          {selected ? (
            <>
              <h3>{selected.name}</h3>
              <dl className="admin-facts">
                <dt>Class</dt>
                <dd>{selected.className}</dd>
                <dt>Location</dt>
                <dd>{selected.location || '—'}</dd>
                <dt>State</dt>
                <dd>{selected.active ? 'Active' : 'Retired'}</dd>
              </dl>
              <div className="actions">
                {selected.active ? (
                  <>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setDialog('add-inside')}
                    >
                      Add an item inside
                    </button>
                    <button type="button" className="button" onClick={() => setDialog('move')}>
                      Move…
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => setDialog('retire')}
                    >
                      Retire…
                    </button>
                  </>
                ) : (
                  <button type="button" className="button" onClick={() => void restore(selected)}>
                    Restore
                  </button>
                )}
              </div>
            </>
          ) : (
            <p className="muted">Pick an item in the tree to add inside it, move or retire it.</p>
          )}
        </div>
      </div>
      {(dialog === 'add-top' || (dialog === 'add-inside' && selected)) && (
        <AddItemDialog
          parent={dialog === 'add-inside' ? selected : null}
          onCancel={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog === 'move' && selected && (
        <MoveItemDialog item={selected} onCancel={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'retire' && selected && (
        <RetireItemDialog item={selected} onCancel={() => setDialog(null)} onDone={done} />
      )}
    </div>
  );
}
