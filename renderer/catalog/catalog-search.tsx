// Create Request's first step: search the catalog by name, keyword or category; the matches stay
// listed under the box, arrows move, Enter picks (ARIA combobox with a listbox). Before a word is
// typed, the items the interaction's short description asks for lead the list, marked Suggested,
// so ArrowDown and Enter take the likely one. Never fetches an item's form.

import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { CatalogItemSummary } from '../../shared/store-api/escalation-contract';
import { FormField } from '../interaction-form/form-field';
import { useLiveQuery, useLiveValue } from '../hooks/use-live-query';

const NO_CATEGORIES: string[] = [];
const NO_ITEMS: CatalogItemSummary[] = [];

interface CatalogSearchProps {
  onPick: (item: CatalogItemSummary) => void;
  inputRef: Ref<HTMLInputElement>;
  /** The interaction's short description: what the suggestions are for. */
  suggestFor?: string;
}

export function CatalogSearch({ onPick, inputRef, suggestFor = '' }: CatalogSearchProps) {
  const baseId = useId();
  const listId = `${baseId}-results`;
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [active, setActive] = useState(-1);
  const categories = useLiveValue('catalog.categories', {}, NO_CATEGORIES);
  const answer = useLiveQuery('catalog.search', {
    query,
    ...(category ? { category } : {}),
    limit: 20,
  });
  const suggestions = useLiveValue(
    'catalog.suggest',
    suggestFor.trim() ? { shortDescription: suggestFor.trim(), limit: 3 } : null,
    NO_ITEMS,
  );
  const found = answer?.ok ? answer.value : NO_ITEMS;
  // Suggestions lead only the unfiltered list: once the agent types, the words they typed decide.
  const suggested =
    query.trim() === '' && category === '' ? new Set(suggestions.map((i) => i.id)) : new Set();
  const items =
    suggested.size === 0
      ? found
      : [...suggestions, ...found.filter((item) => !suggested.has(item.id))];
  const activeItem = active >= 0 ? items[active] : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((at) =>
        at < 0 ? (step > 0 ? 0 : items.length - 1) : (at + step + items.length) % items.length,
      );
    } else if (event.key === 'Enter') {
      // Enter with nothing highlighted takes the best match, as a search box does.
      const picked = activeItem ?? (items.length === 1 ? items[0] : undefined);
      event.preventDefault();
      if (picked) onPick(picked);
    }
  };

  return (
    <div className="catalog-search">
      <div className="form-row">
        <FormField
          id={`${baseId}-query`}
          label="Search the catalog"
          hint="By name, keyword or category. Arrow keys move through the matches, Enter opens one."
        >
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              role="combobox"
              aria-expanded={items.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={activeItem ? `${listId}-${activeItem.id}` : undefined}
              autoComplete="off"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
            />
          )}
        </FormField>
        <FormField id={`${baseId}-category`} label="Category">
          {(control) => (
            <select
              {...control}
              value={category}
              onChange={(e) => {
                setCategory(e.target.value);
                setActive(-1);
              }}
            >
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {suggested.size > 0 && (
        <p className="muted catalog-suggested-for" id={`${listId}-for`}>
          Suggested for “{suggestFor.trim()}”: the first{' '}
          {suggested.size === 1 ? 'item' : `${suggested.size} items`}.
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label="Catalog items"
        aria-describedby={suggested.size > 0 ? `${listId}-for` : undefined}
        className="catalog-results"
      >
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${listId}-${item.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'lookup-option is-highlighted' : 'lookup-option'}
            onClick={() => onPick(item)}
          >
            <span className="option-title">
              <span className="option-name">{item.name}</span>
              {suggested.has(item.id) && <span className="option-tag">Suggested</span>}
              <span className="option-class">{item.category}</span>
            </span>
            <span className="option-detail">{item.description}</span>
          </li>
        ))}
      </ul>
      {answer?.ok === false && <p className="error-text">{answer.error.message}</p>}
      {answer?.ok && items.length === 0 && (
        <p className="muted" role="status">
          No catalog item matches{query.trim() ? ` “${query.trim()}”` : ''}.
        </p>
      )}
    </div>
  );
}
