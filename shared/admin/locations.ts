// The Locations operations of Administration (the walk-up desk's sites): list, create, rename,
// describe, deactivate. Shapes only; never touches a database.

import { z } from 'zod';
import { adminOperation } from './operation';
import { Description, DisplayName, RecordId, SearchText } from './admin-fields';

export const LocationView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
});
export type LocationView = z.infer<typeof LocationView>;

export const LocationListInput = z.strictObject({
  q: SearchText.default(''),
  includeInactive: z.boolean().default(false),
});

export const LocationCreateInput = z.strictObject({
  name: DisplayName,
  description: Description.default(''),
});

export const LocationUpdateInput = z
  .strictObject({ id: RecordId, name: DisplayName.optional(), description: Description.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, {
    error: 'Change the name or the description.',
  });

export const LocationSetActiveInput = z.strictObject({ id: RecordId, active: z.boolean() });

const One = z.object({ location: LocationView });

export const LOCATION_OPERATIONS = {
  'locations.list': adminOperation(
    'locations.list',
    LocationListInput,
    z.object({ locations: z.array(LocationView) }),
  ),
  'locations.create': adminOperation('locations.create', LocationCreateInput, One),
  'locations.update': adminOperation('locations.update', LocationUpdateInput, One),
  'locations.set-active': adminOperation('locations.set-active', LocationSetActiveInput, One),
} as const;
