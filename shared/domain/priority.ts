// Impact, Urgency and the Priority they make: the 3×3 matrix as data, with the labels the forms show.
// Pure. Priority is always derived from Impact × Urgency; nobody ever picks it by hand.

import { z } from 'zod';

export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  1: '1 - High',
  2: '2 - Medium',
  3: '3 - Low',
};

export const Impact = z.literal(LEVELS, 'Pick the impact: 1 - High, 2 - Medium or 3 - Low.');
export type Impact = z.infer<typeof Impact>;
export const Urgency = z.literal(LEVELS, 'Pick the urgency: 1 - High, 2 - Medium or 3 - Low.');
export type Urgency = z.infer<typeof Urgency>;

export const PRIORITIES = [1, 2, 3, 4] as const;
export const Priority = z.literal(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  1: '1 - Critical',
  2: '2 - High',
  3: '3 - Moderate',
  4: '4 - Low',
};

/**
 * Rows are Impact, columns Urgency. ServiceNow's default table has a fifth level (3/3 → 5 -
 * Planning); issue 4 folds it into 4 - Low, so a desk has four priorities.
 */
export const PRIORITY_MATRIX: Readonly<Record<Impact, Readonly<Record<Urgency, Priority>>>> = {
  1: { 1: 1, 2: 2, 3: 3 },
  2: { 1: 2, 2: 3, 3: 4 },
  3: { 1: 3, 2: 4, 3: 4 },
};

export const priorityOf = (impact: Impact, urgency: Urgency): Priority =>
  PRIORITY_MATRIX[impact][urgency];

/** What a new incident starts with until the agent says otherwise (ServiceNow's defaults). */
export const DEFAULT_IMPACT: Impact = 3;
export const DEFAULT_URGENCY: Urgency = 3;
