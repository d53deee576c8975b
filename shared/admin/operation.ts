// What an administrative operation is: a name, its input and output schemas. The desk server
// answers each at POST /api/v1/admin/<name>; the store host forwards the renderer's calls. Shapes only.

import type { z } from 'zod';
import { API_PREFIX } from '../sync/server-api';

export const ADMIN_PREFIX = `${API_PREFIX}/admin`;

export interface AdminOperation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** `<area>.<verb>`: 'agents.create', 'groups.add-member', 'audit.list'. */
  readonly name: string;
  readonly input: I;
  readonly output: O;
}

export function adminOperation<I extends z.ZodType, O extends z.ZodType>(
  name: string,
  input: I,
  output: O,
): AdminOperation<I, O> {
  if (!/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/.test(name))
    throw new Error(`An admin operation is named <area>.<verb> in lower case: ${name}`);
  return { name, input, output };
}

export const adminPath = (name: string): string => `${ADMIN_PREFIX}/${name}`;
