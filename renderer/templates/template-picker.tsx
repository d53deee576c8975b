// The Templates dialog (the form's Templates button, Alt+P): find a template by a few letters and
// apply it with Enter, and the agent's own templates to rename or delete. Never applies a template
// itself: the form does, with its confirm.

import { useCombobox } from 'downshift';
import { useId, useRef, useState, type Ref } from 'react';
import { matchTemplates } from '../../shared/domain/contact-template';
import type { TemplateView } from '../../shared/store-api/template-contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { OwnTemplates } from './own-templates';
import { TemplateOption } from './template-option';

interface TemplatePickerProps {
  templates: readonly TemplateView[];
  onApply: (template: TemplateView) => void;
  onClose: () => void;
  announce: (text: string) => void;
}

export function TemplatePicker(props: TemplatePickerProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <ModalDialog title="Contact templates" onCancel={props.onClose} initialFocus={inputRef} wide>
      <TemplatePickerBox {...props} inputRef={inputRef} />
    </ModalDialog>
  );
}

/** The dialog's content: the combobox, its list, the agent's own, Close. */
function TemplatePickerBox({
  templates,
  onApply,
  onClose,
  announce,
  inputRef,
}: TemplatePickerProps & { inputRef: Ref<HTMLInputElement> }) {
  const id = useId();
  const [text, setText] = useState('');
  const matches = matchTemplates(templates, text);
  const combobox = useCombobox<TemplateView>({
    items: matches,
    isOpen: true,
    inputId: `${id}-input`,
    labelId: `${id}-label`,
    menuId: `${id}-menu`,
    inputValue: text,
    defaultHighlightedIndex: 0,
    selectedItem: null,
    itemToString: (template) => template?.name ?? '',
    itemToKey: (template) => template?.id ?? null,
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      onClose();
      onApply(selectedItem);
    },
  });
  const own = templates.filter((t) => t.scope === 'agent');
  return (
    <>
      <label id={`${id}-label`} htmlFor={`${id}-input`}>
        Find a template
      </label>
      <input
        {...combobox.getInputProps({
          ...(inputRef ? { ref: inputRef } : {}),
          autoComplete: 'off',
          spellCheck: false,
          placeholder: 'A few letters of its name',
          onChange: (event) => setText(event.currentTarget.value),
        })}
      />
      <ul
        {...combobox.getMenuProps({
          className: 'lookup-menu template-list',
          'aria-labelledby': undefined,
          'aria-label': 'Contact templates',
        })}
      >
        {matches.map((template, index) => (
          <li
            key={template.id}
            className={
              index === combobox.highlightedIndex ? 'lookup-option is-highlighted' : 'lookup-option'
            }
            {...combobox.getItemProps({ item: template, index })}
          >
            <TemplateOption template={template} />
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p className="lookup-empty" role="status">
          {templates.length === 0
            ? 'No contact templates on this desk yet: Save as template makes one from the form.'
            : `No template matches “${text.trim()}”.`}
        </p>
      )}
      {own.length > 0 && <OwnTemplates templates={own} announce={announce} />}
      <div className="actions actions--end">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
