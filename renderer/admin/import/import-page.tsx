// Administration → Import: choose the kind and the file, map its columns, check it (a dry run),
// import it, and the recent imports. Talks only through the ImportApi it is given.

import { useEffect, useRef, useState } from 'react';
import type { ImportApi } from './import-api';
import { CheckStep } from './check-step';
import { ChooseStep } from './choose-step';
import { MappingStep } from './mapping-step';
import { RecentImports } from './recent-imports';
import { RunStep } from './run-step';
import type { ImportJob, ImportKind, ImportMapping, ImportUpload } from './import-types';
import { startingMapping } from './import-words';
import './import-page.css';

export type ImportStep = 'choose' | 'map' | 'check' | 'run';

const STEPS: { id: ImportStep; title: string }[] = [
  { id: 'choose', title: 'Choose the file' },
  { id: 'map', title: 'Map the columns' },
  { id: 'check', title: 'Check' },
  { id: 'run', title: 'Import' },
];

export interface ImportPageProps {
  api: ImportApi;
  /** How often a running check or import is asked about (ms). */
  pollMs?: number;
  onAuditLog?: () => void;
}

export function ImportPage({ api, pollMs, onAuditLog }: ImportPageProps) {
  const [step, setStep] = useState<ImportStep>('choose');
  const [kind, setKind] = useState<ImportKind>('users');
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dryJob, setDryJob] = useState<ImportJob | null>(null);
  const [runJob, setRunJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  const go = (next: ImportStep): void => {
    moved.current = true;
    setError(null);
    setStep(next);
  };

  const chooseFile = (next: File | null): void => {
    setFile(next);
    setError(null);
  };

  const send = async (): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const answer = await api.upload(kind, file, file.name);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setUpload(answer.value);
    setMapping(startingMapping(answer.value));
    go('map');
  };

  const check = async (): Promise<void> => {
    if (!upload) return;
    setBusy(true);
    const answer = await api.run({
      importId: upload.importId,
      mapping,
      dryRun: true,
      deactivateMissing: false,
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setDryJob(answer.value);
    go('check');
  };

  const runImport = async (deactivateMissing: boolean): Promise<void> => {
    if (!upload) return;
    setBusy(true);
    setError(null);
    const answer = await api.run({
      importId: upload.importId,
      mapping,
      dryRun: false,
      deactivateMissing,
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setRunJob(answer.value);
    go('run');
  };

  const startAgain = (): void => {
    setUpload(null);
    setDryJob(null);
    setRunJob(null);
    setFile(null);
    setRefreshKey((k) => k + 1);
    go('choose');
  };

  const dropped = (next: File): void => {
    if (step !== 'choose') {
      setUpload(null);
      go('choose');
    }
    chooseFile(next);
  };
  const droppedRef = useRef(dropped);
  useEffect(() => {
    droppedRef.current = dropped;
  });

  // A file dropped anywhere in the window while this page is open is chosen, never opened.
  useEffect(() => {
    const over = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent): void => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      droppedRef.current(file);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, []);

  const index = STEPS.findIndex((s) => s.id === step);
  const current = STEPS[index] ?? STEPS[0];

  return (
    <div className="import-page">
      <ol className="import-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={s.id === step ? 'step' : undefined}>
            {i + 1}. {s.title}
          </li>
        ))}
      </ol>
      <h3 ref={headingRef} tabIndex={-1} className="import-step-heading">
        Step {index + 1} of {STEPS.length}: {current?.title}
      </h3>
      {step === 'choose' && (
        <ChooseStep
          kind={kind}
          onKind={setKind}
          file={file}
          onFile={chooseFile}
          onUpload={() => void send()}
          busy={busy}
          error={error}
        />
      )}
      {step === 'map' && upload && (
        <>
          <MappingStep
            upload={upload}
            mapping={mapping}
            onMapping={setMapping}
            onCheck={() => void check()}
            onBack={startAgain}
            busy={busy}
          />
          {error && (
            <p role="alert" className="import-error">
              {error}
            </p>
          )}
        </>
      )}
      {step === 'check' && dryJob && (
        <CheckStep
          api={api}
          started={dryJob}
          pollMs={pollMs}
          onImport={(deactivate) => void runImport(deactivate)}
          onChooseAgain={startAgain}
          onChangeColumns={() => go('map')}
          importing={busy}
          error={error}
          onSettled={() => setRefreshKey((k) => k + 1)}
        />
      )}
      {step === 'run' && runJob && (
        <RunStep
          api={api}
          started={runJob}
          pollMs={pollMs}
          onAnother={startAgain}
          onAuditLog={onAuditLog}
          onSettled={() => setRefreshKey((k) => k + 1)}
        />
      )}
      <RecentImports api={api} refreshKey={refreshKey} />
    </div>
  );
}
