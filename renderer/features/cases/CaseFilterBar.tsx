// The search box and the filters above the case list.
import { Button, Input, Select, Space, type InputRef } from 'antd';
import type { KeyboardEvent, Ref } from 'react';
import { CASE_STATES, STATE_LABELS, type CaseState } from '../../../shared/case/states';
import type { Catalog } from '../../../shared/catalog/item-schema';
import { SEED_HALLS } from '../../../shared/halls';
import { HALL_ROLE_LABELS, isFiltered, type CaseFilters, type HallRole } from './case-filters';
import { DEADLINE_FILTER_LABELS, type DeadlineFilter } from './deadline';

interface Props {
  value: CaseFilters;
  onChange(next: CaseFilters): void;
  catalog: Catalog | null;
  onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  searchRef: Ref<InputRef>;
}

const HALL_OPTIONS = (Object.keys(HALL_ROLE_LABELS) as HallRole[]).map((role) => ({
  label: HALL_ROLE_LABELS[role],
  options: SEED_HALLS.map((h) => ({ value: `${role}:${h.hallId}`, label: `${HALL_ROLE_LABELS[role]}：${h.city}` })),
}));

export function CaseFilterBar({ value, onChange, catalog, onSearchKeyDown, searchRef }: Props) {
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch });
  const city = (hallId: string) => SEED_HALLS.find((h) => h.hallId === hallId)?.city ?? hallId;
  const itemOptions = (catalog?.items ?? []).map((i) => ({ value: i.code, label: `${i.name}（${city(i.homeHallId)}）` }));
  return (
    <Space wrap size={8} style={{ marginBottom: 12 }}>
      <Input
        ref={searchRef}
        autoFocus
        allowClear
        aria-label="搜索办件"
        placeholder="办件编号、申请人姓名或证件号码"
        value={value.search}
        onChange={(e) => set({ search: e.target.value })}
        onKeyDown={onSearchKeyDown}
        style={{ width: 320 }}
      />
      <Select<CaseState[]>
        mode="multiple"
        aria-label="状态"
        placeholder="全部状态"
        allowClear
        virtual={false}
        maxTagCount="responsive"
        value={value.states}
        onChange={(states) => set({ states })}
        options={CASE_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        style={{ width: 220 }}
      />
      <Select<string>
        aria-label="事项"
        placeholder="全部事项"
        allowClear
        virtual={false}
        showSearch={{ optionFilterProp: 'label' }}
        value={value.itemCode ?? undefined}
        onChange={(itemCode) => set({ itemCode: itemCode ?? null })}
        options={itemOptions}
        style={{ width: 280 }}
        popupMatchSelectWidth={420}
      />
      <Select<string>
        aria-label="大厅"
        placeholder="全部大厅"
        allowClear
        virtual={false}
        value={value.hall ?? undefined}
        onChange={(hall) => set({ hall: hall ?? null })}
        options={HALL_OPTIONS}
        style={{ width: 160 }}
      />
      <Select<DeadlineFilter>
        aria-label="办结期限"
        placeholder="全部期限"
        allowClear
        virtual={false}
        value={value.deadline ?? undefined}
        onChange={(deadline) => set({ deadline: deadline ?? null })}
        options={(Object.keys(DEADLINE_FILTER_LABELS) as DeadlineFilter[]).map((d) => ({ value: d, label: DEADLINE_FILTER_LABELS[d] }))}
        style={{ width: 150 }}
      />
      {isFiltered(value) ? (
        <Button onClick={() => onChange({ search: '', states: [], itemCode: null, hall: null, deadline: null })}>清除筛选</Button>
      ) : null}
    </Space>
  );
}
