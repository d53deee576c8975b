// The interaction form's template controls: Templates (Alt+P) to pick one, Save as template, and
// "Closes on save" once a template that usually closes at once was applied. The confirm a template
// asks before changing typed text shows from here. Never saves the interaction.

import { useState } from 'react';
import { shortcutOf } from '../../shared/shortcuts';
import { useLiveValue } from '../hooks/use-live-query';
import type { InteractionFormModel } from '../interaction-form/use-interaction-form';
import { SaveAsTemplateDialog } from './save-as-template';
import { TemplateConfirm } from './template-confirm';
import { TemplatePicker } from './template-picker';
import type { TemplateApply } from './use-template-apply';

export interface TemplateBarProps {
  model: InteractionFormModel;
  templates: TemplateApply;
  pickerOpen: boolean;
  setPickerOpen: (open: boolean) => void;
}

export function TemplateBar({ model, templates, pickerOpen, setPickerOpen }: TemplateBarProps) {
  const [savingAs, setSavingAs] = useState(false);
  const group = useLiveValue('directory.listGroups', {}, []).find(
    (g) => g.id === model.values.assignmentGroup,
  );
  const keys = shortcutOf('templates').keys;
  if (model.closed) return null;
  return (
    <div className="template-bar">
      <button
        type="button"
        className="button"
        aria-keyshortcuts={keys}
        title={`Pick a contact template (${keys}), or type / in Short description`}
        onClick={() => setPickerOpen(true)}
      >
        Templates
      </button>
      <button type="button" className="button" onClick={() => setSavingAs(true)}>
        Save as template
      </button>
      {model.closeOnSave && (
        <span className="template-closes">
          <input
            id={`${model.fieldId('type')}-close-on-save`}
            type="checkbox"
            checked
            onChange={() => {
              model.setCloseOnSave(false);
              model.announce('Save keeps the interaction open');
            }}
          />
          <label htmlFor={`${model.fieldId('type')}-close-on-save`}>
            Save closes it (Closed Complete)
          </label>
        </span>
      )}
      {pickerOpen && (
        <TemplatePicker
          templates={templates.templates}
          onApply={(template) => templates.apply(template)}
          onClose={() => setPickerOpen(false)}
          announce={model.announce}
        />
      )}
      {savingAs && (
        <SaveAsTemplateDialog
          model={model}
          groupName={group?.name ?? null}
          onClose={() => setSavingAs(false)}
        />
      )}
      {templates.pending && (
        <TemplateConfirm pending={templates.pending} onAnswer={templates.answer} />
      )}
    </div>
  );
}
