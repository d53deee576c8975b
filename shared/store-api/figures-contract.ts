// The store API additions for the desk's own figures (issue 14): the agent's figures for today,
// computed in the store host from what the desk holds, so they show offline too. Shaped to be
// spread into contract.ts's maps. Never handles them.

import { z } from 'zod';
import { isTimeZone, type AgentToday } from '../domain/desk-figures';

export const figureQueryInputs = {
  /**
   * The signed-in agent's figures for today (the local day in `timeZone`, the desk's own when
   * absent); live, and fresh each minute so the day rolls over at midnight.
   */
  'figures.agentToday': z.object({
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'Give the time zone as an IANA name, like Europe/Berlin.')
      .optional(),
  }),
} as const;

export interface AgentTodayView extends AgentToday {
  /** The local day the figures are for (yyyy-mm-dd) and the time zone it was read in. */
  day: string;
  timeZone: string;
}

export interface FigureQueryOutputs {
  'figures.agentToday': AgentTodayView;
}
