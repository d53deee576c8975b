// An article's kept revisions, newest first: title, author, and when each was saved, submitted for
// review and published; the one desks hold is marked. Shows what the server answered; never edits.

import type { KnowledgeAdminView } from '../../../shared/admin/knowledge';
import { formatFullTime } from '../../format/format-time';

export function KnowledgeHistory({ view }: { view: KnowledgeAdminView }) {
  return (
    <div className="table-scroll">
      <table className="admin-table">
        <caption>Revisions</caption>
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Title</th>
            <th scope="col">Author</th>
            <th scope="col">Saved</th>
            <th scope="col">Submitted</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {view.revisions.map((r) => (
            <tr key={r.revision}>
              <td>
                {r.revision}
                {r.revision === view.publishedRevision && ' (on the desks)'}
              </td>
              <td>{r.title}</td>
              <td>{r.authorName}</td>
              <td>{formatFullTime(r.savedAt)}</td>
              <td>{formatFullTime(r.submittedAt) || '—'}</td>
              <td>{formatFullTime(r.publishedAt) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
