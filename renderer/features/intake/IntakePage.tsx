// Unified intake (线下收件): find the item, take the applicant's details and materials, accept
// offline with a printed receipt, or print a one-time notice of what is missing.
import { Alert, App, Card, Space, Typography, type RefSelectProps } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Item } from '../../../shared/catalog/item-schema';
import type { PageProps } from '../../app/routes';
import { useApp } from '../../app/session-context';
import { localCatalog } from '../../data/catalog-store';
import { db } from '../../data/db';
import type { ReceiptData } from '../../ui/print/receipt';
import { discardDraft, pruneDrafts, readDraft, type Draft } from './drafts';
import { DraftOffer } from './DraftOffer';
import { IntakeForm } from './IntakeForm';
import { hasContent, valuesFor, type IntakeValues } from './intake-values';
import { ITEM_SEARCH_ID, ItemPicker } from './ItemPicker';
import { useShortcuts } from './keyboard';
import { ReceiptPanel } from './ReceiptPanel';
import { ShortcutBar } from './ShortcutBar';

interface Active {
  caseId: string;
  item: Item;
  initial: IntakeValues;
  carried: boolean;
}

export function IntakePage(_props: PageProps) {
  const { device } = useApp();
  const { modal } = App.useApp();
  const catalog = useLiveQuery(() => localCatalog(), [], undefined);
  const [pruned, setPruned] = useState(false);
  const drafts = useLiveQuery(async () => (await db().drafts.orderBy('updatedAt').reverse().toArray()).flatMap((r) => readDraft(r) ?? []), [], []);
  const [active, setActive] = useState<Active | null>(null);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const picker = useRef<RefSelectProps>(null);
  const valuesRef = useRef<IntakeValues | null>(null);
  const items = catalog?.items ?? [];

  useEffect(() => {
    void pruneDrafts().finally(() => setPruned(true));
  }, []);

  const focusSearch = () => {
    picker.current?.focus();
    document.getElementById(ITEM_SEARCH_ID)?.focus();
  };

  const pick = (item: Item) => {
    const carried = active && valuesRef.current && hasContent(valuesRef.current) ? valuesRef.current : null;
    setActive({ caseId: active?.caseId ?? uuidv7(), item, initial: valuesFor(item, device.hallId, carried ?? undefined), carried: !!carried });
  };

  const resume = (d: Draft) => {
    const item = items.find((i) => i.code === d.itemCode);
    if (!item) return;
    setReceipt(null);
    setActive({ caseId: d.id, item, initial: valuesFor(item, device.hallId, d.values), carried: true });
  };

  const discard = (d: Draft) =>
    modal.confirm({
      title: '放弃这份草稿？',
      content: '草稿中的信息和文件将被删除，且无法恢复。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '保留',
      onOk: () => discardDraft(d.id),
    });

  /** A new intake: the one under way stays as a draft, offered on the start screen. */
  const startNew = () => {
    valuesRef.current = null;
    setActive(null);
    setReceipt(null);
    setTimeout(focusSearch, 0);
  };

  useShortcuts([
    { keys: 'F3', run: focusSearch },
    { keys: 'Alt+N', run: startNew },
  ]);

  const offered = pruned && !active && !receipt ? drafts : [];
  return (
    <div style={{ maxWidth: 1440, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          线下收件
        </Typography.Title>
        <ShortcutBar extra={receipt ? [['Ctrl+P', '打印回执']] : undefined} />
      </Space>
      {receipt ? (
        <ReceiptPanel receipt={receipt} onNext={startNew} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <label htmlFor={ITEM_SEARCH_ID} style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
              服务事项
            </label>
            {catalog === null ? (
              <Alert type="error" showIcon title="本机还没有服务事项目录：请连接中心，目录下载后即可离线受理。" />
            ) : (
              <ItemPicker items={items} value={active?.item.code} onPick={pick} pickerRef={picker} />
            )}
            <DraftOffer drafts={offered} items={items} onContinue={resume} onDiscard={discard} />
          </Card>
          {active ? (
            <IntakeForm
              key={`${active.caseId}:${active.item.code}`}
              caseId={active.caseId}
              item={active.item}
              initial={active.initial}
              carried={active.carried}
              valuesRef={valuesRef}
              onAccepted={(r) => {
                setActive(null);
                setReceipt(r);
              }}
              onDiscarded={startNew}
            />
          ) : (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 48 }}>
              选择服务事项后，依次录入申请人信息、事项信息并核验材料。支持京津冀四地通办事项，受理后由办理地审核。
            </Typography.Paragraph>
          )}
        </>
      )}
    </div>
  );
}
