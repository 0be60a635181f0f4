// The search box and the filters above the case list.
import { Button, Input, Select, type InputRef, type SelectProps } from 'antd';
import { memo, useMemo, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { CASE_STATES, type CaseState } from '../../../shared/case/states';
import type { Catalog } from '../../../shared/catalog/item-schema';
import { SEED_HALLS } from '../../../shared/halls';
import { useTranslation } from 'react-i18next';
import { cityLabel } from '../../i18n/labels';
import { HALL_ROLES, isFiltered, NO_FILTERS, type CaseFilters, type HallRole } from './case-filters';
import { DEADLINE_FILTERS, type DeadlineFilter } from './deadline';
import { Later } from '../../ui/Later';

interface Props {
  value: CaseFilters;
  onChange(next: CaseFilters): void;
  catalog: Catalog | null;
  onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  searchRef: Ref<InputRef>;
}

/**
 * Drawn again only when its own props change (memo): the list above it changes every quarter second
 * while a new counter downloads, and the options below are translated once per language.
 */
export const CaseFilterBar = memo(function CaseFilterBar({ value, onChange, catalog, onSearchKeyDown, searchRef }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch });
  const itemOptions = useMemo(
    () => (catalog?.items ?? []).map((i) => ({ value: i.code, label: t('cases.itemOption', { name: i.name, city: cityLabel(i.homeHallId) }) })),
    [catalog, t],
  );
  const hallOptions = useMemo(
    () =>
      HALL_ROLES.map((role: HallRole) => ({
        label: t(`cases.hallRole.${role}`),
        options: SEED_HALLS.map((h) => ({ value: `${role}:${h.hallId}`, label: t('cases.hallOption', { role: t(`cases.hallRole.${role}`), city: cityLabel(h.hallId) }) })),
      })),
    [t],
  );
  const stateOptions = useMemo(() => CASE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })), [t]);
  const deadlineOptions = useMemo(() => DEADLINE_FILTERS.map((d) => ({ value: d, label: t(`cases.deadlineFilter.${d}`) })), [t]);
  return (
    // A flex row, not antd's Space: Space wraps each child in an item of its own, and the filters in
    // their <Later> would be one item without gaps.
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
      <Input
        ref={searchRef}
        allowClear
        aria-label={t('cases.search')}
        placeholder={t('cases.searchPlaceholder')}
        value={value.search}
        onChange={(e) => set({ search: e.target.value })}
        onKeyDown={onSearchKeyDown}
        style={{ width: 320 }}
      />
      {/* The filters draw after the search box, which takes the keys at once, and after the rows
          (step 1, CaseListPage), one a pass: an antd Select measures its input (the states' one
          its tags too) when it first shows and sets state while committed, and four of them in
          one commit were a task of 60–100 ms; in the click's task, most of the list's first
          showing. On coming back from a case they come a pass later again (their measuring was a
          quarter of the list's showing). */}
      <Slot step={2} width={220}>
        <Select<CaseState[]>
          mode="multiple"
          aria-label={t('cases.state')}
          placeholder={t('cases.allStates')}
          allowClear
          virtual={false}
          maxTagCount="responsive"
          value={value.states}
          onChange={(states) => set({ states })}
          options={stateOptions}
          style={{ width: 220 }}
        />
      </Slot>
      <Slot step={3} width={280}>
        <OneFilter
          label={t('cases.item')}
          placeholder={t('cases.allItems')}
          value={value.itemCode}
          onChange={(itemCode) => set({ itemCode })}
          options={itemOptions}
          width={280}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={420}
        />
      </Slot>
      <Slot step={4} width={160}>
        <OneFilter label={t('cases.hall')} placeholder={t('cases.allHalls')} value={value.hall} onChange={(hall) => set({ hall })} options={hallOptions} width={160} />
      </Slot>
      <Slot step={5} width={150}>
        <OneFilter<DeadlineFilter>
          label={t('cases.deadline')}
          placeholder={t('cases.allDeadlines')}
          value={value.deadline}
          onChange={(deadline) => set({ deadline })}
          options={deadlineOptions}
          width={150}
        />
      </Slot>
      {isFiltered(value) ? (
        <Button onClick={() => onChange(NO_FILTERS)}>{t('cases.clear')}</Button>
      ) : null}
    </div>
  );
});

type OneFilterProps<T extends string> = Omit<SelectProps<T>, 'value' | 'onChange' | 'placeholder'> & {
  label: string;
  placeholder: string;
  /** null: no filter (the select shows its placeholder). */
  value: T | null;
  onChange(next: T | null): void;
  width: number;
};

/** A filter of one value, cleared to null: the item, the hall, the deadline. */
function OneFilter<T extends string = string>({ label, value, onChange, width, ...rest }: OneFilterProps<T>) {
  return <Select<T> {...rest} aria-label={label} allowClear virtual={false} value={value ?? undefined} onChange={(v) => onChange(v ?? null)} style={{ width }} />;
}

/** A filter's place, kept at its width while it comes a pass later (nothing beside it moves when it does). */
function Slot({ step, width, children }: { step: number; width: number; children: ReactNode }) {
  return (
    <div style={{ width, minHeight: 32 }}>
      <Later again step={step}>
        {children}
      </Later>
    </div>
  );
}
