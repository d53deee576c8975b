// Step 1 of the Import page: what is imported (users, groups, configuration items) and which file,
// chosen with the file input or dropped onto the page. Never reads the file: the server does.

import { useId } from 'react';
import { IMPORT_KINDS, type ImportKind } from './import-types';
import { KIND_LABELS, formatBytes } from './import-words';

export interface ChooseStepProps {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  onUpload: () => void;
  busy: boolean;
  error: string | null;
}

export function ChooseStep({ kind, onKind, file, onFile, onUpload, busy, error }: ChooseStepProps) {
  const fileId = useId();
  const hintId = useId();
  return (
    <form
      className="import-choose"
      aria-label="Choose what to import"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onUpload();
      }}
    >
      <fieldset className="import-kinds">
        <legend>What the file holds</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k} className="import-kind">
            <input
              type="radio"
              name="import-kind"
              value={k}
              checked={kind === k}
              onChange={() => onKind(k)}
            />{' '}
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <div className="import-file">
        <label htmlFor={fileId}>File</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-describedby={hintId}
          onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
        />
        <p id={hintId} className="import-hint">
          A CSV file with a header line: comma, semicolon or tab separated, UTF-8. You can also drop
          the file onto this page.
        </p>
        {file && (
          <p className="import-chosen">
            Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="import-error">
          {error}
        </p>
      )}
      <div className="import-actions">
        <button type="submit" className="button button--primary" disabled={file === null || busy}>
          {busy ? 'Sending the file…' : 'Send the file and map its columns'}
        </button>
      </div>
    </form>
  );
}
