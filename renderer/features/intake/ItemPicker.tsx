// Finding the service item: by name, code or pinyin initials, from the catalog cached on this counter.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { cityLabel, hallLabel } from '../../i18n/labels';
import { DownOutlined } from '@ant-design/icons';
import { Input, Select, Space, Tag, Typography, type RefSelectProps } from 'antd';
import { useDeferredValue, useMemo, useState, type Ref } from 'react';
import { Later } from '../../ui/Later';
import type { Item } from '../../../shared/catalog/item-schema';
import { buildSearchIndex, searchItems } from './item-search';

export const ITEM_SEARCH_ID = 'intake-item-search';

/** The same item exists in several cities: its name alone does not tell which one was chosen. */
function itemLabel(item: Item, t: TFunction): string {
  return t('intake.itemLabel', { name: item.name, city: cityLabel(item.homeHallId), code: item.code });
}

const NO_ITEMS: readonly Item[] = [];

interface PickerProps {
  items: readonly Item[];
  value: string | undefined;
  onPick: (item: Item) => void;
  pickerRef: Ref<RefSelectProps>;
}

/** What was typed into the stand-in, and whether it had the focus: the picker takes both over. */
interface Carried {
  text: string;
  focused: boolean;
}

/**
 * The picker, drawn a pass after its screen. antd's Select sets state while its screen is committed
 * (its popup's trigger keeps its element in state), and React then runs every effect of that screen
 * in the same task: on the frame's first drawing after the login, its store reads and more. Until
 * then a text box that looks the same (the same id, role and name: F3 finds it) takes the focus and
 * the keys, and the picker takes over what was typed, the focus, and an open list when there is text.
 */
export function ItemPicker(props: PickerProps) {
  const { t } = useTranslation();
  const [carried, setCarried] = useState<Carried>({ text: '', focused: false });
  const standIn = (
    <Input
      id={ITEM_SEARCH_ID}
      size="large"
      role="combobox"
      aria-expanded={false}
      aria-autocomplete="list"
      aria-haspopup="listbox"
      placeholder={t('intake.pickerPlaceholder')}
      suffix={<DownOutlined style={{ color: 'rgba(0, 0, 0, 0.25)', fontSize: 12 }} />}
      value={carried.text}
      onChange={(e) => setCarried({ text: e.target.value, focused: true })}
      onFocus={() => setCarried((c) => ({ ...c, focused: true }))}
      onBlur={() => setCarried((c) => ({ ...c, focused: false }))}
    />
  );
  return (
    <Later fallback={standIn}>
      <RealPicker {...props} carried={carried} />
    </Later>
  );
}

function RealPicker({ items, value, onPick, pickerRef, carried }: PickerProps & { carried: Carried }) {
  const { t } = useTranslation();
  // The search index (every name's pinyin) and the options are made in a pass of their own after the
  // picker is first drawn: on the intake screen's first showing they made a task of 50 ms and more.
  const indexed = useDeferredValue(items, NO_ITEMS);
  const index = useMemo(() => buildSearchIndex(indexed), [indexed]);
  const [query, setQuery] = useState(carried.text);
  const found = useMemo(() => searchItems(index, query), [index, query]);
  // The labels are translated once per list of items found (and language), not at every drawing.
  const options = useMemo(() => found.map((i) => ({ value: i.code, label: itemLabel(i, t), item: i })), [found, t]);
  return (
    <Select
      id={ITEM_SEARCH_ID}
      ref={pickerRef}
      size="large"
      style={{ width: '100%' }}
      value={value}
      autoFocus={carried.focused}
      defaultOpen={carried.focused && carried.text !== ''}
      placeholder={t('intake.pickerPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      onChange={(code: string) => {
        const item = items.find((i) => i.code === code);
        setQuery('');
        if (item) onPick(item);
      }}
      notFoundContent={t('intake.pickerNotFound')}
      options={options}
      optionRender={(o) => {
        const item = (o.data as { item: Item }).item;
        return (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{item.name}</span>
            <Space size={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.code}
              </Typography.Text>
              <Tag>{hallLabel(item.homeHallId)}</Tag>
            </Space>
          </Space>
        );
      }}
    />
  );
}
