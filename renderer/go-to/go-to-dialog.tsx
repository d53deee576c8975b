// The Go to anything box (Ctrl+G): a modal dialog with one combobox that finds records by number,
// caller or words in the store host (offline too), the recent records and the app's commands,
// grouped by kind with headings; arrows and Enter open one, Escape closes and focus goes back.
// Never opens anything itself: the app says what opening a record or running a command does.

import { useCombobox } from 'downshift';
import { useCallback, useEffect, useId, useRef, type KeyboardEvent, type Ref } from 'react';
import type { GoToHit } from '../../shared/store-api/go-to-contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import { ModalDialog } from '../dialog/modal-dialog';
import { useLookupSearch, type LookupInstrument } from '../lookup/use-lookup-search';
import { arrangeItems, groupItems, type GoToCommand, type GoToItem } from './go-to-items';

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

function ItemRow({ item }: { item: GoToItem }) {
  if (item.type === 'record') return <HitRow hit={item.hit} />;
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
  onClose: () => void;
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
  const items = results.items;

  // With nothing typed yet: the recent records and the commands.
  useEffect(() => run('', false), []); // eslint-disable-line react-hooks/exhaustive-deps

  const pick = (item: GoToItem): void => {
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
      item?.type === 'record' ? item.hit.number : (item?.command.label ?? ''),
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
          onChange: (event) => run(event.currentTarget.value, false),
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            // Escape closes the box at once (the dialog's own Escape), never only clears the text.
            if (event.key === 'Escape')
              (
                event.nativeEvent as Event & { preventDownshiftDefault?: boolean }
              ).preventDownshiftDefault = true;
          },
        })}
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
        {results.error ?? (noMatch ? `Nothing on this desk matches “${inputValue.trim()}”.` : '')}
      </p>
      <p className="muted">Up and Down move, Enter opens, Escape closes.</p>
    </>
  );
}
