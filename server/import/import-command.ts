// `npm run admin -- import FILE --kind users|groups|configuration-items [--dry-run]
// [--deactivate-missing] [--mapping col=field,...]`: the same check and import as the app's, in
// words on standard output. It never writes when the file has a problem; the exit code says so.

import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { IMPORT_FIELDS, ImportKind, type ImportMapping } from '../../shared/admin/import';
import { COMMAND_LINE_ACTOR } from '../admin/audit-log';
import type { DirectoryWriteDeps } from '../admin/directory-write';
import type { Database } from '../db/schema';
import { DEFAULT_PHONE_REGION, parsePhoneRegion, type PhoneRegion } from '../directory/phone-e164';
import { guessMapping, mappingProblems } from './column-guess';
import { CsvFileError, delimiterName, sniffCsv } from './csv-file';
import { checkImportFile } from './import-check';
import { ImportCancelled, runImport } from './import-run';

export interface ImportCommandDeps {
  db: Kysely<Database>;
  /** Pokes the desks after each batch (a running server's bus); none from a stand-alone CLI. */
  pokes?: DirectoryWriteDeps['pokes'];
  out: (line: string) => void;
  now: () => Date;
  region?: PhoneRegion;
  signal?: AbortSignal;
}

export const IMPORT_USAGE = `Usage: npm run admin -- import FILE --kind users|groups|configuration-items
         [--dry-run] [--deactivate-missing] [--phone-region XX]
         [--mapping "Column=field,Other column=field"]

  --kind                users, groups (with members) or configuration-items
  --dry-run             check every row and list the problems; write nothing
  --deactivate-missing  deactivate the users imported from CSV before that this file leaves out
  --phone-region XX     the country of phone numbers written without +code (default US)
  --mapping             which column holds which field, where the guess from the headers is wrong
                        (fields: ${Object.entries(IMPORT_FIELDS)
                          .map(([k, f]) => `${k}: ${f.join(' ')}`)
                          .join('; ')})`;

/** Without a poke bus (a stand-alone CLI on PGlite) desks find the changes at their next sync. */
const NO_POKES: DirectoryWriteDeps['pokes'] = {
  publish: () => Promise.resolve(),
  subscribe: () => () => undefined,
  close: () => Promise.resolve(),
};

const number = (n: number): string => n.toLocaleString('en-US');

/** "Staff no=externalKey,Login=userName" → overrides; a bad pair is an error in words. */
export function parseMappingArg(text: string, kind: ImportKind): ImportMapping | string {
  const fields: readonly string[] = IMPORT_FIELDS[kind];
  const mapping: ImportMapping = {};
  for (const pair of text.split(',').filter((p) => p.trim() !== '')) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) return `--mapping takes column=field pairs, not "${pair}"`;
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (!fields.includes(field))
      return `--mapping: ${field} is not a field of ${kind} (${fields.join(', ')})`;
    mapping[field] = column === '-' ? null : column;
  }
  return mapping;
}

export async function runImportCommand(args: string[], deps: ImportCommandDeps): Promise<number> {
  const { out, now } = deps;
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'deactivate-missing': { type: 'boolean' },
        mapping: { type: 'string' },
        'phone-region': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.help) {
    out(IMPORT_USAGE);
    return 0;
  }
  const kind = ImportKind.safeParse(values.kind);
  const file = positionals[0];
  if (!kind.success || file === undefined || positionals.length > 1) {
    out(
      `${file === undefined ? 'Name the file to import.' : '--kind is users, groups or configuration-items.'}\n${IMPORT_USAGE}`,
    );
    return 2;
  }
  const regionText = values['phone-region'];
  const region =
    regionText === undefined ? (deps.region ?? DEFAULT_PHONE_REGION) : parsePhoneRegion(regionText);
  if (region === null) {
    out(`--phone-region takes a two-letter country code such as US or GB, not "${regionText}".`);
    return 2;
  }
  try {
    const shape = await sniffCsv(file);
    const overrides = parseMappingArg(values.mapping ?? '', kind.data);
    if (typeof overrides === 'string') {
      out(overrides);
      return 2;
    }
    const mapping = { ...guessMapping(kind.data, shape.columns), ...overrides };
    out(
      `${file}: ${shape.columns.length} columns ${delimiterName(shape.delimiter)}${shape.hasBom ? ' (UTF-8 with BOM)' : ''}.`,
    );
    for (const [field, column] of Object.entries(mapping))
      out(`  ${field.padEnd(12)} ← ${column === null ? '(not imported)' : `"${column}"`}`);
    const wrong = mappingProblems(kind.data, mapping, shape.columns);
    if (wrong.length > 0) {
      for (const line of wrong) out(line);
      out('Choose the columns with --mapping "Column=field,…".');
      return 1;
    }
    const started = now().getTime();
    const checked = await checkImportFile({
      db: deps.db,
      path: file,
      kind: kind.data,
      shape,
      mapping,
      region,
      signal: deps.signal,
    });
    for (const p of checked.problems)
      out(`line ${p.line}${p.column === null ? '' : `, column "${p.column}"`}: ${p.message}`);
    if (checked.problemCount > checked.problems.length)
      out(`… and ${number(checked.problemCount - checked.problems.length)} more problems.`);
    if (checked.problemCount > 0) {
      out(
        `${number(checked.problemCount)} problem(s) in ${number(checked.rowsTotal)} rows: nothing was written.`,
      );
      return 1;
    }
    const missing =
      kind.data === 'users'
        ? ` ${number(checked.wouldDeactivate)} user(s) imported before are not in this file${values['deactivate-missing'] ? ' and will be deactivated' : ' (--deactivate-missing deactivates them)'}.`
        : '';
    out(`No problems in ${number(checked.rowsTotal)} rows.${missing}`);
    if (values['dry-run']) return 0;
    const importStarted = now().getTime();
    const counts = await runImport({
      deps: { db: deps.db, pokes: deps.pokes ?? NO_POKES },
      path: file,
      kind: kind.data,
      shape,
      mapping,
      region,
      actor: COMMAND_LINE_ACTOR,
      now,
      deactivateMissing: values['deactivate-missing'] ?? false,
      signal: deps.signal,
      onProgress: (rows) => {
        const seconds = Math.max((now().getTime() - importStarted) / 1000, 0.001);
        const rate = rows / seconds;
        const left = rate > 0 ? Math.ceil((checked.rowsTotal - rows) / rate) : 0;
        out(
          `${number(rows)} of ${number(checked.rowsTotal)} rows, ${number(Math.round(rate))} rows/s, ${left} s left`,
        );
      },
    });
    const seconds = (now().getTime() - importStarted) / 1000;
    const checkSeconds = (importStarted - started) / 1000;
    out(
      `Imported ${number(checked.rowsTotal)} rows in ${seconds.toFixed(1)} s: ${number(counts.created)} created, ${number(counts.updated)} updated, ${number(counts.unchanged)} unchanged, ${number(counts.deactivated)} deactivated (after a ${checkSeconds.toFixed(1)} s check).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CsvFileError || error instanceof ImportCancelled) {
      out(error.message);
      return 1;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      out(`No such file: ${file}`);
      return 1;
    }
    throw error;
  }
}
