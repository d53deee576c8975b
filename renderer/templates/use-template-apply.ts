// Applying a contact template to the interaction form: what is empty is filled at once; what the
// agent typed is changed only after the confirm's yes (planTemplate decides which is which). A
// template that usually closes at once sets the form to close on save. Never saves anything.

import { useEffect, useMemo, useRef, useState } from 'react';
import { planTemplate, slashQuery, type TemplatePlan } from '../../shared/domain/contact-template';
import type { TemplateView } from '../../shared/store-api/template-contract';
import { useLiveValue } from '../hooks/use-live-query';
import { useWalkUpPlace } from '../walk-up/walk-up-place';
import type { FormEdits } from '../interaction-form/form-model';
import type { InteractionFormModel } from '../interaction-form/use-interaction-form';

export type ConfirmAnswer = 'keep' | 'replace' | 'cancel';

/** A template waiting for the agent's answer: what it would overwrite, in words. */
export interface PendingTemplate {
  template: TemplateView;
  plan: TemplatePlan;
  /** Short description held `/letters` (the search itself): it is cleared, never kept as text. */
  fromSlash: boolean;
  thenClose: boolean;
}

export interface TemplateApply {
  /** The templates this desk offers (the agent's own first, then its location's). */
  templates: TemplateView[];
  /** `thenClose` (Ctrl+Enter on a template): once applied, save and close as Closed Complete. */
  apply: (template: TemplateView, thenClose?: boolean) => void;
  pending: PendingTemplate | null;
  answer: (choice: ConfirmAnswer) => void;
}

/** The templates the form offers at this desk: its walk-up location's, or every location's. */
export function useDeskTemplates(): TemplateView[] {
  const [place] = useWalkUpPlace();
  return useLiveValue('template.list', { location: place.location }, [] as TemplateView[]);
}

export function useTemplateApply(model: InteractionFormModel): TemplateApply {
  const templates = useDeskTemplates();
  const groups = useLiveValue('directory.listGroups', {}, []);
  const groupName = useMemo(() => {
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return (id: string) => names.get(id) ?? id;
  }, [groups]);
  const [pending, setPending] = useState<PendingTemplate | null>(null);
  // Save and close waits for the render that shows the template's fields: it saves what it shows.
  // A count in state, not a flag in a ref: the render that has the new count has the template's
  // fields too, while an effect of an earlier render — flushed late, when the desk is loaded —
  // still sees the old count and cannot close the interaction without them.
  const [closeRequests, setCloseRequests] = useState(0);
  const closesDone = useRef(0);
  useEffect(() => {
    if (closeRequests === closesDone.current) return;
    closesDone.current = closeRequests;
    void model.close('Closed Complete');
  }, [closeRequests, model]);

  const finish = (next: PendingTemplate, edits: FormEdits): void => {
    const { template, plan, fromSlash } = next;
    const cleared: FormEdits =
      fromSlash && edits.shortDescription === undefined ? { shortDescription: '' } : {};
    model.edit({ ...cleared, ...edits });
    if (plan.closesAtOnce) model.setCloseOnSave(true);
    if (next.thenClose) setCloseRequests((n) => n + 1);
    model.announce(
      `Template ${template.name} applied${plan.closesAtOnce ? ': Save closes the interaction (Closed Complete)' : ''}`,
    );
  };

  const apply = (template: TemplateView, thenClose = false): void => {
    if (model.closed) return;
    const fromSlash = slashQuery(model.values.shortDescription) !== null;
    const form = fromSlash ? { ...model.values, shortDescription: '' } : model.values;
    const plan = planTemplate(form, model.typeChosen, template, groupName);
    const next = { template, plan, fromSlash, thenClose };
    if (plan.conflicts.length === 0) finish(next, plan.fill);
    else setPending(next);
  };

  const answer = (choice: ConfirmAnswer): void => {
    const next = pending;
    setPending(null);
    if (!next) return;
    if (choice === 'cancel') {
      model.announce(`Template ${next.template.name} not applied: nothing changed`);
      return;
    }
    finish(
      next,
      choice === 'replace' ? { ...next.plan.fill, ...next.plan.replace } : next.plan.fill,
    );
  };

  return { templates, apply, pending, answer };
}
