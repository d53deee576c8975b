// Contact templates' rules: `/letters` finds them, and applying one never loses what the agent typed
// (any form, any template: the fill touches only empty fields; the rest waits for a yes).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchTemplates,
  planTemplate,
  slashQuery,
  suggestTemplateForIncident,
  templateUses,
  type ContactTemplate,
  type TemplateTarget,
  type TemplateToApply,
} from './contact-template';
import { INTERACTION_TYPES } from './interaction';
import { KNOWN_RECENT_WEIGHT } from './known-callers';

const blank: TemplateTarget = {
  type: 'Phone',
  component: null,
  componentName: '',
  assignmentGroup: null,
  shortDescription: '',
  description: '',
};

const passwordReset: TemplateToApply = {
  name: 'Password reset',
  type: 'Phone',
  component: 'ci-ad',
  componentName: 'Active Directory',
  assignmentGroup: 'g-desk',
  shortDescription: 'Password reset',
  description: 'Identity checked; password reset; the caller signed in.',
  closesAtOnce: true,
};

const groupName = (id: string) => ({ 'g-desk': 'Service Desk', 'g-net': 'Network' })[id] ?? id;

describe('slashQuery', () => {
  it('reads the letters after a leading slash, and nothing else', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/pw')).toBe('pw');
    expect(slashQuery('pw')).toBeNull();
    expect(slashQuery('/pw reset')).toBeNull();
    expect(slashQuery(' /pw')).toBeNull();
  });
});

describe('matchTemplates', () => {
  const t = (id: string, name: string, scope: 'agent' | 'location') => ({ id, name, scope });
  const all = [
    t('1', 'VPN will not connect', 'location'),
    t('2', 'Password reset', 'location'),
    t('3', 'Printer jam', 'agent'),
    t('4', 'Pass renewal', 'agent'),
  ];

  it('lists every template for a bare slash, the agent’s own first', () => {
    expect(matchTemplates(all, '').map((x) => x.name)).toEqual([
      'Pass renewal',
      'Printer jam',
      'Password reset',
      'VPN will not connect',
    ]);
  });

  it('ranks a name that starts with the letters, then a word, then letters in order', () => {
    expect(matchTemplates(all, 'pa').map((x) => x.id)).toEqual(['4', '2', '3']);
    expect(matchTemplates(all, 'conn').map((x) => x.id)).toEqual(['1']);
    expect(matchTemplates(all, 'pwr').map((x) => x.id)).toEqual(['2']);
    expect(matchTemplates(all, 'zz')).toEqual([]);
  });

  it('puts the template the agent used most lately first within a rank', () => {
    const used = all.map((x) => ({ ...x, uses: x.id === '2' ? 1.5 : x.id === '1' ? 0.2 : 0 }));
    // A bare slash: the usual one first, so `/` and Ctrl+Enter apply it.
    expect(matchTemplates(used, '').map((x) => x.id)).toEqual(['2', '1', '4', '3']);
    // Use never lifts a weaker match over a name that starts with the letters.
    expect(matchTemplates(used, 'pa').map((x) => x.id)).toEqual(['2', '4', '3']);
    expect(matchTemplates(used, 'pr').map((x) => x.id)).toEqual(['3', '2', '4']);
  });
});

describe('templateUses', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const templates = [
    { id: 'reset', shortDescription: 'Password reset' },
    { id: 'vpn', shortDescription: 'VPN will not connect' },
    { id: 'empty', shortDescription: '  ' },
  ];

  it('weighs the agent’s interactions whose Short description is the template’s, lately more', () => {
    const uses = templateUses(
      templates,
      [
        { shortDescription: 'password reset ', openedAt: ago(0) },
        { shortDescription: 'Password reset', openedAt: ago(7) },
        { shortDescription: 'VPN will not connect', openedAt: ago(1) },
        // Too old, another text, or nothing typed: not counted.
        { shortDescription: 'VPN will not connect', openedAt: ago(120) },
        { shortDescription: 'VPN drops every hour', openedAt: ago(0) },
        { shortDescription: '', openedAt: ago(0) },
        { shortDescription: '  ', openedAt: 'not a date' },
      ],
      now,
    );
    expect(uses.get('reset')).toBeCloseTo(1 + KNOWN_RECENT_WEIGHT + 0.5, 3);
    expect(uses.get('vpn')).toBeCloseTo(0.5 ** (1 / 7), 3);
    expect(uses.get('empty')).toBe(0);
  });
});

describe('planTemplate', () => {
  it('fills an empty form entirely, and says it closes at once', () => {
    const plan = planTemplate(blank, false, passwordReset, groupName);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fill).toEqual({
      component: 'ci-ad',
      componentName: 'Active Directory',
      assignmentGroup: 'g-desk',
      shortDescription: 'Password reset',
      description: 'Identity checked; password reset; the caller signed in.',
    });
    expect(plan.closesAtOnce).toBe(true);
  });

  it('changes a default Type, but asks before changing a Type the agent chose', () => {
    const email = { ...passwordReset, type: 'Email' as const };
    expect(planTemplate(blank, false, email, groupName).fill.type).toBe('Email');
    const chosen = planTemplate(blank, true, email, groupName);
    expect(chosen.fill.type).toBeUndefined();
    expect(chosen.conflicts).toContainEqual({
      field: 'type',
      label: 'Type',
      typed: 'Phone',
      template: 'Email',
    });
  });

  it('keeps typed text out of the fill and names each overwrite in words', () => {
    const typed: TemplateTarget = {
      ...blank,
      assignmentGroup: 'g-net',
      shortDescription: 'Cannot sign in after holiday',
    };
    const plan = planTemplate(typed, false, passwordReset, groupName);
    expect(plan.fill.shortDescription).toBeUndefined();
    expect(plan.fill.assignmentGroup).toBeUndefined();
    expect(plan.fill.description).toBe(passwordReset.description);
    expect(plan.conflicts.map((c) => [c.label, c.typed, c.template])).toEqual([
      ['Assignment group', 'Network', 'Service Desk'],
      ['Short description', 'Cannot sign in after holiday', 'Password reset'],
    ]);
    expect(plan.replace).toEqual({ assignmentGroup: 'g-desk', shortDescription: 'Password reset' });
  });

  it('is no conflict when the form already holds what the template would put there', () => {
    const same = { ...blank, shortDescription: 'Password reset', assignmentGroup: 'g-desk' };
    expect(planTemplate(same, true, passwordReset, groupName).conflicts).toEqual([]);
  });

  // The rule, over any form and any template: applying the fill alone (what happens
  // unless the agent accepts the confirm) never changes a field the agent had filled.
  it('never loses typed text, whatever the form and the template hold', () => {
    const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 12 }));
    const id = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null });
    const type = fc.constantFrom(...INTERACTION_TYPES);
    const form = fc.record({
      type,
      component: id,
      componentName: text,
      assignmentGroup: id,
      shortDescription: text,
      description: text,
    });
    const template = fc.record({
      name: fc.constant('T'),
      type: fc.option(type, { nil: null }),
      component: id,
      componentName: fc.option(text, { nil: null }),
      assignmentGroup: id,
      shortDescription: text,
      description: text,
      closesAtOnce: fc.boolean(),
    });
    fc.assert(
      fc.property(form, fc.boolean(), template, (f, typeChosen, t) => {
        const plan = planTemplate(f, typeChosen, t, (x) => x);
        const after = { ...f, ...plan.fill };
        if (typeChosen) expect(after.type).toBe(f.type);
        if (f.component !== null) expect(after.component).toBe(f.component);
        if (f.component !== null) expect(after.componentName).toBe(f.componentName);
        if (f.assignmentGroup !== null) expect(after.assignmentGroup).toBe(f.assignmentGroup);
        for (const field of ['shortDescription', 'description'] as const)
          if (f[field].trim() !== '') expect(after[field]).toBe(f[field]);
        // And everything it would overwrite is listed for the confirm.
        const replaced = Object.keys(plan.replace).filter((k) => k !== 'componentName');
        expect(replaced.sort()).toEqual(plan.conflicts.map((c) => c.field).sort());
      }),
    );
  });
});

describe('suggestTemplateForIncident', () => {
  const template = (name: string, more: Partial<ContactTemplate> = {}): ContactTemplate => ({
    id: name,
    scope: 'location',
    location: 'loc-hq',
    owner: null,
    active: true,
    updatedAt: '2026-12-04T09:00:00.000Z',
    name,
    type: null,
    component: 'ci-printer',
    assignmentGroup: 'g-desk',
    shortDescription: '',
    description: '',
    closesAtOnce: false,
    ...more,
  });
  const printer = template('Printer queue stuck', { shortDescription: 'Jobs sit in the queue' });
  const vpn = template('VPN drops', { shortDescription: 'VPN disconnects every hour' });
  const reset = template('Password reset', { component: null, shortDescription: 'Password reset' });

  it('offers the template the short description names, by its name before its short description', () => {
    expect(suggestTemplateForIncident([vpn, printer, reset], 'Printer jams again')?.name).toBe(
      'Printer queue stuck',
    );
    expect(
      suggestTemplateForIncident([vpn, printer], 'my laptop disconnects every hour')?.name,
    ).toBe('VPN drops');
    // Plurals and case: "Passwords" names "Password".
    expect(suggestTemplateForIncident([vpn, reset], 'PASSWORDS expired')?.name).toBe(
      'Password reset',
    );
  });

  it('offers nothing for words that ask nothing, a retired template, or one with nothing for an incident', () => {
    expect(suggestTemplateForIncident([printer], 'it is not working for me')).toBeNull();
    expect(suggestTemplateForIncident([{ ...printer, active: false }], 'printer')).toBeNull();
    expect(
      suggestTemplateForIncident(
        [{ ...printer, component: null, assignmentGroup: null }],
        'printer',
      ),
    ).toBeNull();
  });

  it('prefers the agent’s own on a tie, then the name', () => {
    const own = { ...printer, id: 'own', scope: 'agent' as const, name: 'Printer queue (mine)' };
    expect(suggestTemplateForIncident([printer, own], 'printer queue')?.id).toBe('own');
    const other = { ...printer, id: 'other', name: 'Printer queue again' };
    expect(suggestTemplateForIncident([printer, other], 'printer queue')?.id).toBe('other');
  });
});
