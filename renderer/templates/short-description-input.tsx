// Short description as a combobox: `/` and a few letters at its start list the matching contact
// templates (downshift's ARIA combobox, as the lookups use); Enter or a click applies one. Any other
// text is just the short description. Never applies a template itself: the form does.

import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { matchTemplates, slashQuery } from '../../shared/domain/contact-template';
import type { TemplateView } from '../../shared/store-api/template-contract';
import type { ControlProps } from '../interaction-form/form-field';
import { TemplateOption } from './template-option';

/** Rows the list shows: a few letters narrow it; more than this is a sign to type another. */
const SHOWN = 8;

const Types = useCombobox.stateChangeTypes;

interface ShortDescriptionInputProps {
  control: ControlProps;
  labelId: string;
  value: string;
  readOnly: boolean;
  templates: readonly TemplateView[];
  onChange: (text: string) => void;
  /** `thenClose`: Ctrl+Enter on a template — apply it, then save and close. */
  onApply: (template: TemplateView, thenClose: boolean) => void;
}

export function ShortDescriptionInput(props: ShortDescriptionInputProps) {
  const { control, value, readOnly } = props;
  const query = slashQuery(value);
  const matches = query === null ? [] : matchTemplates(props.templates, query).slice(0, SHOWN);
  // Escape, a pick or leaving the field closes the list until the agent types again.
  const [dismissed, setDismissed] = useState(false);
  // The first match is highlighted as the letters change, so Enter applies the best one.
  const [highlighted, setHighlighted] = useState(0);
  const isOpen = !readOnly && query !== null && !dismissed;

  const stateReducer = (
    state: UseComboboxState<TemplateView>,
    { type, changes }: UseComboboxStateChangeOptions<TemplateView>,
  ): Partial<UseComboboxState<TemplateView>> =>
    // The form owns the text: a pick never writes the template's name into Short description.
    type === Types.ControlledPropUpdatedSelectedItem
      ? { ...changes, inputValue: state.inputValue }
      : changes;

  const combobox = useCombobox<TemplateView>({
    items: matches,
    inputId: control.id,
    labelId: props.labelId,
    menuId: `${control.id}-templates`,
    inputValue: value,
    isOpen,
    highlightedIndex: matches.length === 0 ? -1 : Math.min(highlighted, matches.length - 1),
    selectedItem: null,
    itemToString: (template) => template?.name ?? '',
    itemToKey: (template) => template?.id ?? null,
    stateReducer,
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setDismissed(true);
    },
    onHighlightedIndexChange: ({ highlightedIndex, type }) => {
      if (type !== Types.InputChange) setHighlighted(highlightedIndex ?? 0);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) props.onApply(selectedItem, false);
    },
  });

  const showList = isOpen && matches.length > 0;
  const showNone = isOpen && matches.length === 0;
  return (
    <div className="lookup">
      <input
        {...combobox.getInputProps({
          type: 'text',
          readOnly,
          autoComplete: 'off',
          'aria-required': true,
          'aria-invalid': control['aria-invalid'],
          'aria-describedby': control['aria-describedby'],
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            // Ctrl+Enter saves and closes everywhere; on a highlighted template it uses it first.
            const template = matches[combobox.highlightedIndex];
            if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !isOpen || !template)
              return;
            (
              event.nativeEvent as Event & { preventDownshiftDefault?: boolean }
            ).preventDownshiftDefault = true;
            event.preventDefault();
            setDismissed(true);
            props.onApply(template, true);
          },
          onChange: (event: ChangeEvent<HTMLInputElement>) => {
            setDismissed(false);
            setHighlighted(0);
            props.onChange(event.target.value);
          },
        })}
      />
      <ul
        {...combobox.getMenuProps({
          className: 'lookup-menu',
          hidden: !showList,
          'aria-labelledby': undefined,
          'aria-label': 'Contact templates',
        })}
      >
        {showList &&
          matches.map((template, index) => (
            <li
              key={template.id}
              className={
                index === combobox.highlightedIndex
                  ? 'lookup-option is-highlighted'
                  : 'lookup-option'
              }
              {...combobox.getItemProps({ item: template, index })}
            >
              <TemplateOption template={template} />
            </li>
          ))}
      </ul>
      {showNone && (
        <p className="lookup-empty">
          {props.templates.length === 0
            ? 'No contact templates on this desk yet.'
            : `No template matches “${query}”.`}
        </p>
      )}
    </div>
  );
}
