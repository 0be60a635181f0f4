// Finding the service item: by name, code or pinyin initials, from the catalog cached on this counter.
import { Select, Space, Tag, Typography, type RefSelectProps } from 'antd';
import { useMemo, useState, type Ref } from 'react';
import type { Item } from '../../../shared/catalog/item-schema';
import { hallName, SEED_HALLS } from '../../../shared/halls';
import { buildSearchIndex, searchItems } from './item-search';

export const ITEM_SEARCH_ID = 'intake-item-search';

/** The same item exists in several cities: its name alone does not tell which one was chosen. */
export function itemLabel(item: Item): string {
  const city = SEED_HALLS.find((h) => h.hallId === item.homeHallId)?.city ?? item.homeHallId;
  return `${item.name}（${city} ${item.code}）`;
}

export function ItemPicker({ items, value, onPick, pickerRef }: { items: readonly Item[]; value: string | undefined; onPick: (item: Item) => void; pickerRef: Ref<RefSelectProps> }) {
  const index = useMemo(() => buildSearchIndex(items), [items]);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchItems(index, query), [index, query]);
  return (
    <Select
      id={ITEM_SEARCH_ID}
      ref={pickerRef}
      size="large"
      style={{ width: '100%' }}
      value={value}
      placeholder="输入事项名称、编码或拼音首字母，如“hszy”查找护士执业注册"
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      onChange={(code: string) => {
        const item = items.find((i) => i.code === code);
        setQuery('');
        if (item) onPick(item);
      }}
      notFoundContent="没有找到匹配的事项"
      options={found.map((i) => ({ value: i.code, label: itemLabel(i), item: i }))}
      optionRender={(o) => {
        const item = (o.data as { item: Item }).item;
        return (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{item.name}</span>
            <Space size={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.code}
              </Typography.Text>
              <Tag>{hallName(item.homeHallId)}</Tag>
            </Space>
          </Space>
        );
      }}
    />
  );
}
