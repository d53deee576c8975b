// For the Import page's tests only: an ImportApi that answers from a script and records each call,
// and builders for uploads and jobs. Never used by the page itself.

import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import type { ImportApi } from './import-api';
import type { ImportJob, ImportRunInput, ImportUpload } from './import-types';

export const peopleUpload = (over: Partial<ImportUpload> = {}): ImportUpload => ({
  importId: 'imp-1',
  kind: 'users',
  fileName: 'people.csv',
  bytes: 2048,
  delimiter: ';',
  hasBom: true,
  columns: ['Employee ID', 'Login', 'Given name', 'Surname', 'E-mail', 'Tel'],
  preview: [
    ['E100', 'ada', 'Ada', 'Lovelace', 'ada@example.org', '+44 20 7946 0001'],
    ['E101', 'alan', 'Alan', 'Turing', 'alan@example.org', '020 7946 0002'],
  ],
  guessedMapping: {
    externalKey: 'Employee ID',
    userName: 'Login',
    firstName: 'Given name',
    lastName: 'Surname',
    email: 'E-mail',
    phone: 'Tel',
    mobile: null,
  },
  ...over,
});

export const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  importId: 'imp-1',
  kind: 'users',
  fileName: 'people.csv',
  state: 'checking',
  dryRun: true,
  rowsDone: 0,
  rowsTotal: 1000,
  rowsPerSecond: 0,
  secondsLeft: null,
  problems: [],
  problemCount: 0,
  counts: { created: 0, updated: 0, unchanged: 0, deactivated: 0 },
  wouldDeactivate: 0,
  startedAt: '2026-12-04T01:00:00.000Z',
  finishedAt: null,
  message: null,
  ...over,
});

export interface ScriptedApi extends ImportApi {
  uploads: { kind: string; fileName: string; size: number }[];
  runs: ImportRunInput[];
  cancels: string[];
  /** The next answers to imports.status, in order; the last one repeats. */
  statuses: ImportJob[];
  /** What imports.run answers (by dryRun). */
  runAnswers: { dry: ImportJob; real: ImportJob };
  cancelAnswer: ImportJob | null;
  uploadAnswer: StoreResult<ImportUpload>;
  listAnswer: ImportJob[];
  /** How many times imports.list was asked. */
  lists: number;
}

export function scriptedApi(): ScriptedApi {
  const api: ScriptedApi = {
    uploads: [],
    runs: [],
    cancels: [],
    statuses: [],
    runAnswers: { dry: job(), real: job({ dryRun: false, state: 'importing' }) },
    cancelAnswer: null,
    uploadAnswer: ok(peopleUpload()),
    listAnswer: [],
    lists: 0,
    upload(kind, file, fileName) {
      api.uploads.push({ kind, fileName, size: file.size });
      return Promise.resolve(api.uploadAnswer);
    },
    run(input) {
      api.runs.push(input);
      return Promise.resolve(ok(input.dryRun ? api.runAnswers.dry : api.runAnswers.real));
    },
    status() {
      const next = api.statuses.length > 1 ? api.statuses.shift() : api.statuses[0];
      return Promise.resolve(next ? ok(next) : fail('not-found', 'No such import.'));
    },
    cancel(importId) {
      api.cancels.push(importId);
      return Promise.resolve(
        api.cancelAnswer ? ok(api.cancelAnswer) : fail('conflict', 'Nothing to cancel.'),
      );
    },
    list() {
      api.lists += 1;
      return Promise.resolve(ok({ imports: api.listAnswer }));
    },
  };
  return api;
}

export const csvFile = (name = 'people.csv', text = 'Employee ID;Login\nE100;ada\n'): File =>
  new File([text], name, { type: 'text/csv' });
