// The Go to anything box (Ctrl+G): a modal dialog with one combobox that finds records by number,
// caller or words in the store host (offline too), the recent records and the app's commands,
// grouped by kind with headings; arrows and Enter open one, Escape closes and focus goes back.
// Never opens anything itself: the app says what opening a record or running a command does.

import { useCombobox } from 'downshift';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import {
  historySearchTerms,
  NOT_ON_THIS_DESK,
  type HistoryKind,
} from '../../shared/domain/history-search';
import type { GoToHit } from '../../shared/store-api/go-to-contract';
import type { HistoryHitView } from '../../shared/store-api/history-contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import { ModalDialog } from '../dialog/modal-dialog';
import { useLookupSearch, type LookupInstrument } from '../lookup/use-lookup-search';
import {
  arrangeItems,
  groupItems,
  withHistory,
  type GoToCommand,
  type GoToItem,
} from './go-to-items';
import { useHistorySearch, type HistorySearchState } from './use-history-search';

/** The names the benchmark reads from the Performance timeline. */
export const GO_TO_INSTRUMENT: LookupInstrument = {
  inputMark: 'goto:input',
  renderMeasure: 'goto:keystroke-to-render',
};

export const GO_TO_LIMIT = 20;

const MATCH_WORDS: Readonly<Record<GoToHit['match'], string>> = {
  number: 'number',
  'number-prefix': 'number',
  caller: 'caller',
  words: 'words',
  recent: 'opened lately',
};

function HitRow({ hit }: { hit: GoToHit }) {
  return (
    <>
      <span className="option-title">
        <span className="option-name">{hit.number}</span>
        <span>{hit.title}</span>
      </span>
      <span className="option-detail">
        {[hit.callerName, hit.state, `by ${MATCH_WORDS[hit.match]}`].filter(Boolean).join(' · ')}
      </span>
    </>
  );
}

function HistoryRow({ hit }: { hit: HistoryHitView }) {
  const match = hit.match === 'number-prefix' ? 'number' : hit.match;
  return (
    <>
      <span className="option-title">
        <span className="option-name">{hit.number}</span>
        <span>{hit.shortDescription}</span>
      </span>
      <span className="option-detail">
        {[hit.callerName, hit.state, `by ${match}`, hit.onDesk ? 'on this desk' : 'on the server']
          .filter(Boolean)
          .join(' · ')}
      </span>
    </>
  );
}

function ItemRow({ item }: { item: GoToItem }) {
  if (item.type === 'record') return <HitRow hit={item.hit} />;
  if (item.type === 'history') return <HistoryRow hit={item.hit} />;
  return (
    <span className="option-title">
      <span className="option-name">{item.command.label}</span>
      {item.command.keys && <kbd>{item.command.keys}</kbd>}
    </span>
  );
}

interface GoToDialogProps {
  commands: readonly GoToCommand[];
  onOpen: (hit: GoToHit) => void;
  /** A record the server's history found, now on the desk (fetched if it was not). */
  onOpenRecord: (kind: HistoryKind, id: string) => void;
  onClose: () => void;
}

/**
 * The line under the results: what is happening or missing, in words. Offline, a typed number
 * the desk does not hold is named; the history is never searched without saying so.
 */
function statusLine(text: string, noMatch: boolean, history: HistorySearchState): string {
  const quoted = `“${text}”`;
  switch (history.status) {
    case 'offline': {
      const named = historySearchTerms(text).numbers.filter((n) => n.exact !== null);
      const only = named.length === 1 ? named[0]?.exact : null;
      if (noMatch && only) return `${only} is not on this desk. ${NOT_ON_THIS_DESK}`;
      return noMatch
        ? `Nothing on this desk matches ${quoted}. ${NOT_ON_THIS_DESK}`
        : NOT_ON_THIS_DESK;
    }
    case 'searching':
      return 'Searching the history on the desk server…';
    case 'failed':
      return history.message;
    case 'done':
      if (noMatch && history.hits.length === 0)
        return `Nothing on this desk or in the history matches ${quoted}.`;
      return '';
    case 'idle':
      return noMatch ? `Nothing on this desk matches ${quoted}.` : '';
  }
}

export function GoToDialog(props: GoToDialogProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <ModalDialog title="Go to anything" onCancel={props.onClose} initialFocus={inputRef} wide>
      <GoToBox {...props} inputRef={inputRef} />
    </ModalDialog>
  );
}

/** The combobox itself: the typed text, the grouped results, the pick. */
function GoToBox({
  commands,
  onOpen,
  onOpenRecord,
  onClose,
  inputRef,
}: GoToDialogProps & { inputRef: Ref<HTMLInputElement> }) {
  const { store } = useDeskpad();
  const recent = useUi((s) => s.recentRecords);
  const id = useId();
  const search = useCallback(
    async (query: string) => {
      const found = await store.query('goTo.search', {
        query,
        recent: [...recent],
        limit: GO_TO_LIMIT,
      });
      if (!found.ok)
        return { items: arrangeItems(query, [], commands), error: found.error.message };
      return { items: arrangeItems(query, found.value, commands), error: null };
    },
    [store, recent, commands],
  );
  const { results, run, isCurrent } = useLookupSearch(search, GO_TO_INSTRUMENT);
  const history = useHistorySearch(results.query);
  const items = useMemo(
    () => withHistory(results.items, history.status === 'done' ? history.hits : []),
    [results.items, history],
  );
  /** Opening a record from the history: what it says meanwhile, or why it could not. */
  const [opening, setOpening] = useState<string | null>(null);

  // With nothing typed yet: the recent records and the commands.
  useEffect(() => run('', false), []); // eslint-disable-line react-hooks/exhaustive-deps

  const openFromHistory = (hit: HistoryHitView): void => {
    setOpening(`Opening ${hit.number}${hit.onDesk ? '' : ' from the desk server'}…`);
    void store.act('history.open', { kind: hit.kind, number: hit.number }).then((opened) => {
      if (!opened.ok) {
        setOpening(opened.error.message);
        return;
      }
      onClose();
      onOpenRecord(opened.value.kind, opened.value.id);
    });
  };

  const pick = (item: GoToItem): void => {
    // The box stays open while a record comes from the server, so a failure can say why here.
    if (item.type === 'history') {
      openFromHistory(item.hit);
      return;
    }
    onClose();
    if (item.type === 'record') onOpen(item.hit);
    else item.command.run();
  };

  const combobox = useCombobox<GoToItem>({
    items,
    isOpen: true,
    inputId: `${id}-input`,
    labelId: `${id}-label`,
    menuId: `${id}-menu`,
    defaultHighlightedIndex: 0,
    selectedItem: null,
    itemToString: (item) =>
      !item ? '' : item.type === 'command' ? item.command.label : item.hit.number,
    itemToKey: (item) => item?.key ?? null,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) pick(selectedItem);
    },
    // The text stays what was typed: a highlighted row never writes itself into the box.
    stateReducer: (state, { changes }) => ({
      ...changes,
      inputValue: changes.inputValue ?? state.inputValue,
    }),
  });
  const { highlightedIndex, inputValue } = combobox;
  // Rows that arrive after the typing (the server's, or an answer once none was shown) get the
  // highlight, so Enter opens the first row shown, never nothing.
  useEffect(() => {
    if (items.length > 0 && (highlightedIndex < 0 || highlightedIndex >= items.length))
      combobox.setHighlightedIndex(0);
  }, [items]); // eslint-disable-line react-hooks/exhaustive-deps
  const groups = groupItems(items);
  const noMatch = isCurrent && items.length === 0 && inputValue.trim() !== '';

  return (
    <>
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="go-to-label">
        Number, caller, words of a short description, or a command
      </label>
      <input
        {...combobox.getInputProps({
          ...(inputRef ? { ref: inputRef } : {}),
          className: 'go-to-input',
          autoComplete: 'off',
          spellCheck: false,
          placeholder: 'INC0001234, a caller’s name, “printer jam”…',
          onChange: (event) => {
            setOpening(null);
            run(event.currentTarget.value, false);
          },
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            const native = event.nativeEvent as Event & { preventDownshiftDefault?: boolean };
            // Escape closes the box at once (the dialog's own Escape), never only clears the text.
            if (event.key === 'Escape') native.preventDownshiftDefault = true;
            // Enter with rows shown and none highlighted opens the first, as the lookups do.
            const first = items[0];
            if (event.key === 'Enter' && highlightedIndex < 0 && first) {
              native.preventDownshiftDefault = true;
              pick(first);
            }
          },
        })}
        // Downshift names row 0 even when there is none; a combobox must not point at nothing.
        {...(items.length === 0 ? { 'aria-activedescendant': undefined } : {})}
      />
      <div
        {...combobox.getMenuProps({
          className: 'go-to-results',
          'aria-labelledby': undefined,
          'aria-label': 'Results',
        })}
      >
        {groups.map((group, g) => (
          <div key={group.label} role="group" aria-labelledby={`${id}-group-${g}`}>
            <div role="presentation" id={`${id}-group-${g}`} className="go-to-heading">
              {group.label}
            </div>
            {group.items.map(({ item, index }) => (
              <div
                key={item.key}
                className={
                  index === highlightedIndex ? 'lookup-option is-highlighted' : 'lookup-option'
                }
                {...combobox.getItemProps({ item, index })}
              >
                <ItemRow item={item} />
              </div>
            ))}
          </div>
        ))}
      </div>
      <p className="muted go-to-status" role="status">
        {opening ?? results.error ?? statusLine(inputValue.trim(), noMatch, history)}
      </p>
      <p className="muted">Up and Down move, Enter opens, Escape closes.</p>
    </>
  );
}
