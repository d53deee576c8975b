// Human record numbers. The desk server assigns the real ones (IMS0001001); a record made on a
// desk shows a provisional number (IMS-P0001) until its first sync. Never reuses a number.

export const NUMBER_PREFIX = {
  interaction: 'IMS',
  incident: 'INC',
  request: 'REQ',
  visit: 'VIS',
  call: 'CAL',
} as const;
export type NumberedKind = keyof typeof NUMBER_PREFIX;

/** Server numbers start at 0001001, as ServiceNow's do. */
export const FIRST_SERVER_NUMBER = 1001;

export function serverNumber(kind: NumberedKind, sequence: number): string {
  return `${NUMBER_PREFIX[kind]}${String(sequence).padStart(7, '0')}`;
}

export function provisionalNumber(kind: NumberedKind, localSequence: number): string {
  return `${NUMBER_PREFIX[kind]}-P${String(localSequence).padStart(4, '0')}`;
}

export const isProvisionalNumber = (n: string): boolean => /^[A-Z]{3}-P\d+$/.test(n);
