// A lookup field on the ARIA combobox pattern (downshift's useCombobox): type, see matches, arrows
// and Enter pick. Never owns the picked value: the form does; this only holds the typed text.

import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import {
  useEffect,
  useRef,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { ControlProps } from '../interaction-form/form-field';
import {
  useLookupSearch,
  type LookupAhead,
  type LookupInstrument,
  type LookupSearch,
} from './use-lookup-search';

export interface LookupValue {
  id: string | null;
  text: string;
}

export interface LookupComboboxProps<T> {
  control: ControlProps;
  labelId: string;
  /** The list's own name: not the field's label, so the label finds the input alone. */
  menuLabel: string;
  value: LookupValue;
  readOnly?: boolean;
  placeholder?: string;
  /** Search with an empty text too (a short list to browse), rather than showing nothing. */
  searchWhenEmpty?: boolean;
  search: LookupSearch<T>;
  itemKey: (item: T) => string;
  itemText: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  noMatchText: (query: string) => string;
  onPick: (item: T) => void;
  onClear: () => void;
  instrument?: LookupInstrument;
  /** Answers for the next key, fetched ahead (see `LookupAhead`). */
  ahead?: LookupAhead<T>;
  /**
   * Enter with text typed and no option highlighted picks the first match (the list is ranked,
   * so the first is the likeliest); pressed before the matches arrive, it picks when they do.
   * The text says so to a screen reader (the input's description).
   */
  enterPicksFirst?: string;
  inputRef?: Ref<HTMLInputElement>;
}

const Types = useCombobox.stateChangeTypes;

export function LookupCombobox<T>(props: LookupComboboxProps<T>) {
  const {
    control,
    labelId,
    value,
    readOnly = false,
    search,
    itemKey,
    itemText,
    renderItem,
  } = props;
  const { results, run, prepare, isCurrent } = useLookupSearch(
    search,
    props.instrument,
    props.ahead,
  );
  // An arrow pressed before the first matches arrived still means "go to the first match".
  const arrowPending = useRef(false);
  // Enter pressed (enterPicksFirst) before the matches of the typed text arrived.
  const enterPending = useRef(false);
  const enterPicksFirst = props.enterPicksFirst !== undefined;

  const items = results.items;
  const stateReducer = (
    state: UseComboboxState<T>,
    { type, changes }: UseComboboxStateChangeOptions<T>,
  ): Partial<UseComboboxState<T>> => {
    // selectedItem is held at null so that every pick, even of the same caller again, is a
    // change; downshift then thinks the "controlled" selection moved and would blank the text.
    if (type === Types.ControlledPropUpdatedSelectedItem)
      return { ...changes, inputValue: state.inputValue };
    if (type === Types.InputChange) {
      arrowPending.current = false;
      enterPending.current = false;
    }
    if (type === Types.InputKeyDownArrowDown && items.length === 0) arrowPending.current = true;
    if (
      type === Types.InputKeyDownEnter &&
      enterPicksFirst &&
      !readOnly &&
      state.highlightedIndex < 0 &&
      state.inputValue.trim() !== ''
    ) {
      const first = isCurrent ? items[0] : undefined;
      if (first !== undefined)
        return { ...changes, selectedItem: first, inputValue: itemText(first) };
      // Not answered yet: pick the first match when it is (the menu stays open meanwhile).
      if (!isCurrent) enterPending.current = true;
      return { ...changes, isOpen: state.isOpen };
    }
    // A read-only lookup (closed record) never opens; isOpen stays uncontrolled for downshift.
    return readOnly ? { ...changes, isOpen: false } : changes;
  };

  // downshift owns the typed text: its reducer updates within the input event, so a fast typist
  // never loses a character to a controlled value that lags one render behind.
  const combobox = useCombobox<T>({
    items,
    inputId: control.id,
    labelId,
    menuId: `${control.id}-menu`,
    itemToString: (item) => (item ? itemText(item) : ''),
    itemToKey: (item) => (item ? itemKey(item) : null),
    initialInputValue: value.text,
    selectedItem: null,
    stateReducer,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) props.onPick(selectedItem);
    },
    // Opened by an arrow or a click: browse what the text finds, asked again when the shown
    // answer is for another text or for none (what an empty field lists changes as work is
    // logged). Typing searches by itself.
    onIsOpenChange: ({ isOpen, type, inputValue }) => {
      const text = inputValue ?? '';
      const stale = results.seq === 0 || results.query !== text || text.trim() === '';
      if (isOpen && props.searchWhenEmpty && type !== Types.InputChange && stale) run(text, false);
    },
  });
  const { isOpen, highlightedIndex, inputValue, setHighlightedIndex, setInputValue } = combobox;
  const { selectItem, closeMenu } = combobox;

  // The field's value changed from outside (picked, cleared, record loaded): show its text.
  useEffect(() => {
    setInputValue(value.text);
  }, [value.id, value.text, setInputValue]);

  useEffect(() => {
    if (arrowPending.current && isOpen && items.length > 0) {
      arrowPending.current = false;
      setHighlightedIndex(0);
    }
  }, [items, isOpen, setHighlightedIndex]);

  useEffect(() => {
    if (!enterPending.current || !isCurrent) return;
    enterPending.current = false;
    const first = items[0];
    if (first === undefined) return;
    selectItem(first);
    closeMenu();
  }, [items, isCurrent, selectItem, closeMenu]);

  const showMenu = isOpen && items.length > 0;
  const enterHintId = `${control.id}-enter-hint`;
  const describedBy = enterPicksFirst
    ? [control['aria-describedby'], enterHintId].filter(Boolean).join(' ')
    : control['aria-describedby'];
  const showNoMatch =
    isOpen &&
    isCurrent &&
    items.length === 0 &&
    (results.error !== null || inputValue.trim() !== '');

  return (
    <div className="lookup">
      <input
        {...combobox.getInputProps({
          ...(props.inputRef ? { ref: props.inputRef } : {}),
          readOnly,
          ...(props.placeholder ? { placeholder: props.placeholder } : {}),
          autoComplete: 'off',
          spellCheck: false,
          'aria-invalid': control['aria-invalid'],
          'aria-describedby': describedBy,
          // Runs in the input event itself, before downshift's handler: the search starts at once.
          onChange: (event: ChangeEvent<HTMLInputElement>) => {
            const typed = event.target.value;
            run(typed, !props.searchWhenEmpty);
            if (typed.trim() === '' && value.id !== null) props.onClear();
          },
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            // Escape closes an open menu; with none open it is the dialog's (Cancel), and the
            // picked text stays rather than being blanked by downshift.
            if (event.key === 'Escape' && !isOpen)
              (
                event.nativeEvent as Event & { preventDownshiftDefault?: boolean }
              ).preventDownshiftDefault = true;
          },
          onFocus: () => {
            if (!readOnly) prepare(inputValue);
          },
          onBlur: () => {
            // Text that was typed but never picked is not the field's value: show the value again.
            if (inputValue !== value.text) setInputValue(value.text);
          },
        })}
      />
      <ul
        {...combobox.getMenuProps({
          className: 'lookup-menu',
          hidden: !showMenu,
          'aria-labelledby': undefined,
          'aria-label': props.menuLabel,
          // The matches shown are for an earlier text while the typed one's are on their way.
          'aria-busy': showMenu && !isCurrent ? true : undefined,
        })}
      >
        {showMenu &&
          items.map((item, index) => (
            <li
              key={itemKey(item)}
              className={optionClass(
                index === highlightedIndex,
                enterPicksFirst && index === 0 && highlightedIndex < 0 && isCurrent,
              )}
              {...combobox.getItemProps({ item, index })}
            >
              {renderItem(item)}
            </li>
          ))}
      </ul>
      {enterPicksFirst && (
        <span id={enterHintId} className="visually-hidden">
          {props.enterPicksFirst}
        </span>
      )}
      {showNoMatch && (
        <p className="lookup-empty">{results.error ?? props.noMatchText(inputValue)}</p>
      )}
    </div>
  );
}

function optionClass(highlighted: boolean, enterPicksIt: boolean): string {
  if (highlighted) return 'lookup-option is-highlighted';
  return enterPicksIt ? 'lookup-option is-default' : 'lookup-option';
}
