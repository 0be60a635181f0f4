// Unified intake (线下收件): find the item, take the applicant's details and materials, accept
// offline with a printed receipt, or print a one-time notice of what is missing.
import { useTranslation } from 'react-i18next';
import { Alert, App, Card, Space, Typography, type RefSelectProps } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useEffect, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Item } from '../../../shared/catalog/item-schema';
import type { PageProps } from '../../app/routes';
import { useApp } from '../../app/session-context';
import { localCatalog } from '../../data/catalog-store';
import { db } from '../../data/db';
import { warmQr } from '../../ui/print/qr-svg';
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
  const { t } = useTranslation();
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
      title: t('intake.discardDraftTitle'),
      content: t('intake.discardDraftText'),
      okText: t('intake.discard'),
      okButtonProps: { danger: true },
      cancelText: t('intake.keep'),
      onOk: () => discardDraft(d.id),
    });

  /** A new intake: the one under way stays as a draft, offered on the start screen. */
  const startNew = () => {
    valuesRef.current = null;
    setActive(null);
    setReceipt(null);
    setTimeout(focusSearch, 0);
  };

  // The accepted form leaves once its receipt is on screen, in the background: removing its many
  // controls in the same commit as drawing the receipt made the clerk wait 20 ms and more for it.
  useEffect(() => {
    if (receipt && active) startTransition(() => setActive(null));
  }, [receipt, active]);

  // The QR code's first drawing compiles its code (some 30 ms of the first receipt): done while idle.
  useEffect(() => {
    const id = requestIdleCallback(warmQr);
    return () => cancelIdleCallback(id);
  }, []);

  useShortcuts([
    { keys: 'F3', run: focusSearch },
    { keys: 'Alt+N', run: startNew },
  ]);

  const offered = pruned && !active && !receipt ? drafts : [];
  return (
    <div style={{ maxWidth: 1440, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('intake.title')}
        </Typography.Title>
        <ShortcutBar extra={receipt ? [['Ctrl+P', t('intake.shortcut.print')]] : undefined} />
      </Space>
      {receipt && <ReceiptPanel receipt={receipt} onNext={startNew} />}
      {/* Under the receipt the intake stays, hidden: the accepted form leaves after the receipt is on screen. */}
      <div hidden={receipt !== null}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <label htmlFor={ITEM_SEARCH_ID} style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
            {t('intake.item')}
          </label>
          {catalog === null ? (
            <Alert type="error" showIcon title={t('intake.noCatalog')} />
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
            onAccepted={setReceipt}
            onDiscarded={startNew}
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 48 }}>
            {t('intake.hint')}
          </Typography.Paragraph>
        )}
      </div>
    </div>
  );
}
