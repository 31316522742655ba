'use client';

import type { CodeLevel } from '@/lib/coding/hierarchy-types';

import type { FilterState } from './query-urls';

/** What the filter bar and the retrieval pickers offer (lib/server/data/queries queryOptions). */
export interface QueryFilterOptions {
  codes: Array<{ id: string; label: string; name: string; level: CodeLevel; parentId: string | null; color: string }>;
  coders: Array<{ id: string; name: string }>;
  kinds: Array<{ value: string; label: string }>;
  attributes: Array<{ id: string; name: string; values: string[] }>;
}

/** One filter bar for every query: source kind, case attribute value, coder, coding dates. */
export function QueryFilters({ options, value, onChange }: { options: QueryFilterOptions; value: FilterState; onChange: (f: FilterState) => void }) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const attribute = options.attributes.find((a) => a.id === value.attribute);
  const active = Object.values(value).some(Boolean);
  return (
    <fieldset className="row card" style={{ margin: '0 0 1rem' }}>
      <legend className="visually-hidden">Filters</legend>
      <div className="field">
        <label htmlFor="f-kind">Source kind</label>
        <select id="f-kind" value={value.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">All kinds</option>
          {options.kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-coder">Coder</label>
        <select id="f-coder" value={value.coder} onChange={(e) => set({ coder: e.target.value })}>
          <option value="">All coders</option>
          {options.coders.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-from">Coded from</label>
        <input id="f-from" type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="f-to">Coded until</label>
        <input id="f-to" type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      {options.attributes.length > 0 ? (
        <>
          <div className="field">
            <label htmlFor="f-attr">Case attribute</label>
            <select id="f-attr" value={value.attribute} onChange={(e) => set({ attribute: e.target.value, attributeValue: '' })}>
              <option value="">Any case</option>
              {options.attributes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          {attribute ? (
            <div className="field">
              <label htmlFor="f-attr-value">{attribute.name} is</label>
              <select id="f-attr-value" value={value.attributeValue} onChange={(e) => set({ attributeValue: e.target.value })}>
                <option value="">Choose a value</option>
                {attribute.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </>
      ) : null}
      {active ? (
        <button type="button" className="btn btn-link btn-sm" onClick={() => onChange({ kind: '', coder: '', from: '', to: '', attribute: '', attributeValue: '' })}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}
