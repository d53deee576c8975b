// Administration → Knowledge (technicians and administrators): the articles with a search and a
// state filter (Draft, In review, Published, Retired) — title, state, revision, valid until, last
// changed — Write an article, and the editor of the one opened. Talks to the desk server only
// through admin calls; the review rules are the server's.

import { useId, useState } from 'react';
import type { KnowledgeSummary } from '../../../shared/admin/knowledge';
import {
  KNOWLEDGE_STATES,
  KNOWLEDGE_STATE_LABELS,
  type KnowledgeState,
} from '../../../shared/domain/knowledge';
import { useDeskpad } from '../../app/deskpad-context';
import { formatFullTime } from '../../format/format-time';
import { useAdminQuery } from '../admin-client';
import { AdminLoadState } from '../admin-load-state';
import '../catalog/catalog.css';
import './knowledge.css';
import { stateText } from './knowledge-draft';
import { KnowledgeEditor } from './knowledge-editor';

/** Today as YYYY-MM-DD where the desk is: an article valid until yesterday is no longer offered. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function validUntilText(row: KnowledgeSummary): string {
  if (row.validUntil === null) return '—';
  return row.validUntil < today() ? `${row.validUntil} (expired: not suggested)` : row.validUntil;
}

function SavedArticle({ id, onClose }: { id: string; onClose: () => void }) {
  const article = useAdminQuery('knowledge.get', { id });
  if (!article.value || article.status === 'loading')
    return <AdminLoadState query={article} what="the article" />;
  return <KnowledgeEditor view={article.value} newId={id} onClose={onClose} />;
}

export function KnowledgePage() {
  const id = useId();
  const { newId } = useDeskpad();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<KnowledgeState | ''>('');
  const [open, setOpen] = useState<{ id: string; isNew: boolean } | null>(null);
  const list = useAdminQuery('knowledge.list', state === '' ? { query } : { query, state });

  const close = () => {
    setOpen(null);
    list.reload();
  };
  if (open)
    return open.isNew ? (
      <KnowledgeEditor view={null} newId={open.id} onClose={close} />
    ) : (
      <SavedArticle key={open.id} id={open.id} onClose={close} />
    );

  const articles = list.value?.articles ?? [];
  return (
    <>
      <div className="admin-toolbar">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search the articles</label>
          <input
            id={`${id}-search`}
            type="search"
            maxLength={100}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>State</label>
          <select
            id={`${id}-state`}
            value={state}
            onChange={(e) => setState(e.target.value as KnowledgeState | '')}
          >
            <option value="">All</option>
            {KNOWLEDGE_STATES.map((s) => (
              <option key={s} value={s}>
                {KNOWLEDGE_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setOpen({ id: newId(), isNew: true })}
        >
          Write an article
        </button>
      </div>
      <AdminLoadState query={list} what="the articles" />
      {list.value && articles.length === 0 && (
        <p className="muted">
          {query || state ? 'No article matches.' : 'No knowledge articles yet.'}
        </p>
      )}
      {articles.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">Knowledge articles</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">State</th>
                <th scope="col">Revision</th>
                <th scope="col">Valid until</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((row) => (
                <tr key={row.id}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setOpen({ id: row.id, isNew: false })}
                    >
                      {row.title}
                    </button>
                  </td>
                  <td>{stateText(row.state, row.revision, row.publishedRevision)}</td>
                  <td>{row.revision}</td>
                  <td>{validUntilText(row)}</td>
                  <td>{formatFullTime(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
