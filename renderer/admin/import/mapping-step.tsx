// Step 2 of the Import page: a column of the file for each field of the kind (the server's guesses
// first), required fields marked, and the first rows as this mapping reads them. Never uploads.

import { useId, useState } from 'react';
import type { ImportMapping, ImportUpload } from './import-types';
import {
  KIND_FIELDS,
  describeDelimiter,
  formatBytes,
  mappedPreview,
  missingRequired,
} from './import-words';
import { ScrollRegion } from './scroll-region';

export interface MappingStepProps {
  upload: ImportUpload;
  mapping: ImportMapping;
  onMapping: (mapping: ImportMapping) => void;
  onCheck: () => void;
  onBack: () => void;
  /** The check is being started. */
  busy?: boolean;
}

export function MappingStep({
  upload,
  mapping,
  onMapping,
  onCheck,
  onBack,
  busy = false,
}: MappingStepProps) {
  const [tried, setTried] = useState(false);
  const idBase = useId();
  const missing = missingRequired(upload.kind, mapping);
  const preview = mappedPreview(upload, mapping);

  const check = (): void => {
    setTried(true);
    if (missing.length === 0) onCheck();
  };

  return (
    <div className="import-mapping">
      <p className="import-file-facts">
        <strong>{upload.fileName}</strong>: {formatBytes(upload.bytes)}, {upload.columns.length}{' '}
        columns, separated by {describeDelimiter(upload.delimiter)},{' '}
        {upload.hasBom ? 'with a byte order mark (BOM)' : 'without a byte order mark (BOM)'}.
      </p>
      <table className="import-table import-fields">
        <caption>Which column holds each field (fields marked required must have one)</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Column in the file</th>
          </tr>
        </thead>
        <tbody>
          {KIND_FIELDS[upload.kind].map((f) => {
            const headerId = `${idBase}-${f.name}`;
            const invalid = tried && f.required && !mapping[f.name];
            return (
              <tr key={f.name}>
                <th scope="row">
                  <span id={`${headerId}-name`}>
                    {f.label}
                    {f.required && (
                      <>
                        {' '}
                        <span className="import-required">(required)</span>
                      </>
                    )}
                  </span>
                  {f.hint && (
                    <span id={`${headerId}-hint`} className="import-hint import-field-hint">
                      {f.hint}
                    </span>
                  )}
                </th>
                <td>
                  <select
                    aria-labelledby={`${headerId}-name`}
                    aria-describedby={f.hint ? `${headerId}-hint` : undefined}
                    required={f.required}
                    aria-invalid={invalid || undefined}
                    value={mapping[f.name] ?? ''}
                    onChange={(event) =>
                      onMapping({ ...mapping, [f.name]: event.currentTarget.value || null })
                    }
                  >
                    <option value="">Not imported</option>
                    {upload.columns.map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h4 className="import-subheading">Preview</h4>
      {preview.fields.length === 0 || preview.rows.length === 0 ? (
        <p>
          {preview.rows.length === 0
            ? 'The file has no rows under its header line.'
            : 'Choose a column for a field to see the rows as they will be read.'}
        </p>
      ) : (
        <ScrollRegion label="Preview rows">
          <table className="import-table import-preview">
            <caption>
              The first {preview.rows.length} rows as they will be read with these columns
            </caption>
            <thead>
              <tr>
                {preview.fields.map((f) => (
                  <th key={f.name} scope="col">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={preview.fields[c]?.name ?? c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      {tried && missing.length > 0 && (
        <p role="alert" className="import-error">
          Choose a column for {missing.map((f) => f.label).join(', ')} before checking the file.
        </p>
      )}
      <div className="import-actions">
        <button type="button" className="button" onClick={onBack}>
          Choose another file
        </button>
        <button type="button" className="button button--primary" disabled={busy} onClick={check}>
          {busy ? 'Starting the check…' : 'Check the file'}
        </button>
      </div>
    </div>
  );
}
