// The Configuration items operations of Administration: the tree read a level at a time, search
// with each match's path, add, move (never into itself), retire and restore. Shapes only.

import { z } from 'zod';
import { adminOperation } from './operation';
import { DisplayName, RecordId, SearchText } from './admin-fields';

/** One item as the tree shows it; `childCount` counts the children the tree would list. */
export const ConfigurationItemNode = z.object({
  id: z.string(),
  name: z.string(),
  className: z.string(),
  parentId: z.string().nullable(),
  location: z.string(),
  active: z.boolean(),
  childCount: z.number().int(),
});
export type ConfigurationItemNode = z.infer<typeof ConfigurationItemNode>;

/** A search match with the items above it, root first: what the tree opens to show it. */
export const ConfigurationItemMatch = ConfigurationItemNode.extend({
  path: z.array(ConfigurationItemNode),
});
export type ConfigurationItemMatch = z.infer<typeof ConfigurationItemMatch>;

export const CHILDREN_PAGE_LIMIT = 200;

export const ChildrenInput = z.strictObject({
  /** null: the top of the tree (sites and items without a parent). */
  parentId: RecordId.nullable(),
  includeRetired: z.boolean().default(false),
  /** The last item of the previous page (children come by name, then id). */
  after: z.strictObject({ name: z.string().max(200), id: RecordId }).optional(),
  limit: z.number().int().min(1).max(CHILDREN_PAGE_LIMIT).default(CHILDREN_PAGE_LIMIT),
});

export const SearchInput = z.strictObject({
  q: SearchText.min(1, { error: 'Type part of a name or a class.' }),
  includeRetired: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(50),
});

const ClassName = z
  .string({ error: 'Enter a class, such as Building or Printer.' })
  .trim()
  .min(1, { error: 'Enter a class, such as Building or Printer.' })
  .max(100, { error: 'Keep the class under 100 characters.' });

export const CreateInput = z.strictObject({
  name: DisplayName,
  className: ClassName,
  parentId: RecordId.nullable(),
  location: z
    .string({ error: 'The location must be text.' })
    .trim()
    .max(200, { error: 'Keep the location under 200 characters.' })
    .default(''),
});

export const MoveInput = z.strictObject({ id: RecordId, parentId: RecordId.nullable() });

export const RetireInput = z.strictObject({
  id: RecordId,
  /** Retire the active items inside it too; without it, an item with active children is refused. */
  withChildren: z.boolean().default(false),
});

const One = z.object({ item: ConfigurationItemNode });

export const CONFIGURATION_ITEM_OPERATIONS = {
  'configuration-items.children': adminOperation(
    'configuration-items.children',
    ChildrenInput,
    z.object({ items: z.array(ConfigurationItemNode), more: z.boolean() }),
  ),
  'configuration-items.search': adminOperation(
    'configuration-items.search',
    SearchInput,
    z.object({ items: z.array(ConfigurationItemMatch), more: z.boolean() }),
  ),
  'configuration-items.create': adminOperation('configuration-items.create', CreateInput, One),
  'configuration-items.move': adminOperation('configuration-items.move', MoveInput, One),
  'configuration-items.retire': adminOperation(
    'configuration-items.retire',
    RetireInput,
    z.object({ item: ConfigurationItemNode, retired: z.number().int() }),
  ),
  'configuration-items.restore': adminOperation(
    'configuration-items.restore',
    z.strictObject({ id: RecordId }),
    One,
  ),
} as const;
