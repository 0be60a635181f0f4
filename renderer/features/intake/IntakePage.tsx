// Unified intake (线下收件): find the item, take the applicant's details and materials, accept
// offline with a printed receipt, or print a one-time notice of what is missing.
import { useTranslation } from 'react-i18next';
import { Alert, App, Card, Typography, type RefSelectProps } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
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

/** The drafts offered while none is (the same array each time, so the intake below is not drawn again). */
const NO_DRAFTS: Draft[] = [];

export function IntakePage(_props: PageProps) {
  const { device } = useApp();
  const hallId = device.hallId;
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const catalog = useLiveQuery(() => localCatalog(), [], undefined);
  const [pruned, setPruned] = useState(false);
  const drafts = useLiveQuery(async () => (await db().drafts.orderBy('updatedAt').reverse().toArray()).flatMap((r) => readDraft(r) ?? []), [], NO_DRAFTS);
  const [active, setActive] = useState<Active | null>(null);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const picker = useRef<RefSelectProps>(null);
  const valuesRef = useRef<IntakeValues | null>(null);
  const items = useMemo(() => catalog?.items ?? [], [catalog]);

  // While idle: its transaction, in the screen's first task, made the frame's first drawing after the
  // login longer. The drafts are offered once it is done.
  useEffect(() => {
    const id = requestIdleCallback(() => void pruneDrafts().finally(() => setPruned(true)), { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, []);

  const focusSearch = useCallback(() => {
    picker.current?.focus();
    document.getElementById(ITEM_SEARCH_ID)?.focus();
  }, []);

  const pick = useCallback(
    (item: Item) =>
      setActive((current) => {
        const carried = current && valuesRef.current && hasContent(valuesRef.current) ? valuesRef.current : null;
        return { caseId: current?.caseId ?? uuidv7(), item, initial: valuesFor(item, hallId, carried ?? undefined), carried: !!carried };
      }),
    [hallId],
  );

  const resume = useCallback(
    (d: Draft) => {
      const item = items.find((i) => i.code === d.itemCode);
      if (!item) return;
      setReceipt(null);
      setActive({ caseId: d.id, item, initial: valuesFor(item, hallId, d.values), carried: true });
    },
    [items, hallId],
  );

  const discard = useCallback(
    (d: Draft) =>
      modal.confirm({
        title: t('intake.discardDraftTitle'),
        content: t('intake.discardDraftText'),
        okText: t('intake.discard'),
        okButtonProps: { danger: true },
        cancelText: t('intake.keep'),
        onOk: () => discardDraft(d.id),
      }),
    [modal, t],
  );

  /** A new intake: the one under way stays as a draft, offered on the start screen. */
  const startNew = useCallback(() => {
    valuesRef.current = null;
    setActive(null);
    setReceipt(null);
    setTimeout(focusSearch, 0);
  }, [focusSearch]);

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

  const offered = pruned && !active && !receipt ? drafts : NO_DRAFTS;
  // The same element while the language stays: not drawn again with the receipt.
  const title = useMemo(
    () => (
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
    ),
    [t],
  );
  return (
    <div style={{ maxWidth: 1440, margin: '0 auto' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        {title}
        <ShortcutBar withPrint={receipt !== null} />
      </div>
      {receipt && <ReceiptPanel receipt={receipt} onNext={startNew} />}
      {/* Under the receipt the intake stays, hidden and not drawn again: the accepted form leaves after the receipt is on screen. */}
      <div hidden={receipt !== null}>
        <IntakeWork
          noCatalog={catalog === null}
          items={items}
          active={active}
          offered={offered}
          picker={picker}
          valuesRef={valuesRef}
          onPick={pick}
          onResume={resume}
          onDiscardDraft={discard}
          onAccepted={setReceipt}
          onDiscarded={startNew}
        />
      </div>
    </div>
  );
}

interface IntakeWorkProps {
  noCatalog: boolean;
  items: Item[];
  active: Active | null;
  offered: Draft[];
  picker: RefObject<RefSelectProps | null>;
  valuesRef: RefObject<IntakeValues | null>;
  onPick(item: Item): void;
  onResume(d: Draft): void;
  onDiscardDraft(d: Draft): void;
  onAccepted(receipt: ReceiptData): void;
  onDiscarded(): void;
}

/** The item picker, the drafts on offer and the form: what the receipt covers. */
const IntakeWork = memo(function IntakeWork({ noCatalog, items, active, offered, picker, valuesRef, onPick, onResume, onDiscardDraft, onAccepted, onDiscarded }: IntakeWorkProps) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <label htmlFor={ITEM_SEARCH_ID} style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
          {t('intake.item')}
        </label>
        {noCatalog ? (
          <Alert type="error" showIcon title={t('intake.noCatalog')} />
        ) : (
          <ItemPicker items={items} value={active?.item.code} onPick={onPick} pickerRef={picker} />
        )}
        <DraftOffer drafts={offered} items={items} onContinue={onResume} onDiscard={onDiscardDraft} />
      </Card>
      {active ? (
        <IntakeForm
          key={`${active.caseId}:${active.item.code}`}
          caseId={active.caseId}
          item={active.item}
          initial={active.initial}
          carried={active.carried}
          valuesRef={valuesRef}
          onAccepted={onAccepted}
          onDiscarded={onDiscarded}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 48 }}>
          {t('intake.hint')}
        </Typography.Paragraph>
      )}
    </>
  );
});
