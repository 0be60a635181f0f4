// The intake form for one item: applicant, the item's fields, materials and where to collect, with
// the guide and the acceptance check beside it. Saves a draft as the clerk types.
import { useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Card, Col, Form, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useController, useForm, useWatch } from 'react-hook-form';
import type { Item } from '../../../shared/catalog/item-schema';
import { SEED_HALLS } from '../../../shared/halls';
import { useApp } from '../../app/session-context';
import { platform } from '../../platform/platform';
import { noticeDocument, NOTICE_TITLE } from '../../ui/print/one-time-notice';
import type { ReceiptData } from '../../ui/print/receipt';
import { acceptIntake } from './accept-intake';
import { ApplicantSection } from './ApplicantSection';
import { CheckPanel } from './CheckPanel';
import { discardDraft } from './drafts';
import { describedBy, FieldRow, requiredMark } from './FieldRow';
import { GuideCard } from './GuideCard';
import { blockingReason, collectIssues, intakeSchema } from './intake-schema';
import type { IntakeValues } from './intake-values';
import { ItemFieldsSection } from './ItemFieldsSection';
import { enterMovesToNext, fieldId, focusPath, useShortcuts } from './keyboard';
import { MaterialsSection } from './MaterialsSection';
import { buildNotice, hasNoticeContent } from './receipt-data';
import { useDraftAutosave } from './use-draft-autosave';

/** How long an acceptance runs before its button shows a spinner. */
const BUSY_AFTER_MS = 250;

export interface IntakeFormProps {
  caseId: string;
  item: Item;
  initial: IntakeValues;
  /** Whether `initial` holds the clerk's work already (a resumed draft, or carried over from another item). */
  carried: boolean;
  /** The latest values, for the page to carry over when the clerk picks another item. */
  valuesRef: RefObject<IntakeValues | null>;
  onAccepted: (receipt: ReceiptData) => void;
  onDiscarded: () => void;
}

export function IntakeForm({ caseId, item, initial, carried, valuesRef, onAccepted, onDiscarded }: IntakeFormProps) {
  const { device, session } = useApp();
  const { message, modal } = App.useApp();
  const { t } = useTranslation();
  const schema = useMemo(() => intakeSchema(item), [item]);
  const form = useForm<IntakeValues>({ mode: 'onChange', resolver: zodResolver(schema), defaultValues: initial });
  const { control, getValues, trigger, watch } = form;
  const values = useWatch({ control }) as IntakeValues;
  const issues = useMemo(() => collectIssues(item, values), [item, values]);
  const reason = blockingReason(issues);
  const draft = useDraftAutosave(watch, getValues, caseId, item.code, carried);
  const { field: { ref: deliveryRef, ...delivery } } = useController({ control, name: 'deliveryHallId' });
  const acceptButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  // A double click or a held Ctrl+Enter must not accept the case twice (state updates come too late).
  const accepting = useRef(false);

  useEffect(() => {
    valuesRef.current = values;
  }, [values, valuesRef]);
  useEffect(() => {
    focusPath(item.applicantKinds.length > 1 ? 'applicant.kind' : 'applicant.name');
    // When resumed, show every problem at once rather than field by field.
    if (carried) void trigger();
  }, [carried, item, trigger]);

  const accept = async () => {
    if (accepting.current) return;
    if (reason) {
      await trigger();
      const first = issues[0];
      if (first) focusPath(first.path);
      message.warning(t('intake.cannotAccept', { reason }));
      return;
    }
    accepting.current = true;
    // The button says it is busy only if the acceptance takes a while: most take a tenth of that,
    // and the whole form need not draw again on their way to the receipt.
    const showBusy = window.setTimeout(() => setBusy(true), BUSY_AFTER_MS);
    await draft.stop();
    try {
      const r = await acceptIntake({ caseId, item, values: getValues(), device, session });
      if (!r.ok) throw new Error(r.error.message);
      window.clearTimeout(showBusy);
      // Drawn at once, in this task: scheduled, the receipt waited behind whatever else was queued
      // (the live queries answering the acceptance's writes, the sync worker's messages).
      flushSync(() => onAccepted(r.value));
    } catch (e) {
      window.clearTimeout(showBusy);
      message.error(e instanceof Error ? e.message : String(e));
      draft.resume();
      accepting.current = false;
      setBusy(false);
      acceptButton.current?.focus();
    }
  };

  const printNotice = async () => {
    // The browser shell prints from an iframe that takes the focus: give it back afterwards.
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const html = noticeDocument(buildNotice(item, getValues(), issues, { issuedAt: new Date().toISOString(), hallId: device.hallId, clerkName: session.staff.name }));
    const r = await platform().print({ html, title: NOTICE_TITLE });
    if (!r.ok && r.error.code !== 'PRINT_CANCELLED') message.error(r.error.message);
    back?.focus();
  };

  const discard = () =>
    modal.confirm({
      title: t('intake.discardIntakeTitle'),
      content: t('intake.discardIntakeText'),
      okText: t('intake.discard'),
      okButtonProps: { danger: true },
      cancelText: t('intake.continueIntake'),
      onOk: async () => {
        await draft.stop();
        await discardDraft(caseId);
        onDiscarded();
      },
    });

  useShortcuts([
    { keys: 'Ctrl+Enter', run: () => void accept() },
    { keys: 'Ctrl+S', run: () => void draft.saveNow().then(() => message.success(t('intake.draftSaved'))) },
  ]);

  const deliveryId = fieldId('deliveryHallId');
  return (
    <Row gutter={16} align="top">
      <Col xs={24} xl={15}>
        <form aria-label={t('intake.form')} noValidate onSubmit={(e) => e.preventDefault()} onKeyDown={enterMovesToNext}>
          <Form component={false} layout="vertical" requiredMark={requiredMark}>
            <Card size="small" title={t('intake.applicant')} style={{ marginBottom: 16 }}>
              <ApplicantSection item={item} form={form} />
            </Card>
            <Card size="small" title={t('intake.itemInfo')} style={{ marginBottom: 16 }}>
              <ItemFieldsSection item={item} control={control} />
            </Card>
            <Card size="small" title={t('intake.materials', { count: item.materials.length })} style={{ marginBottom: 16 }}>
              <MaterialsSection item={item} control={control} />
            </Card>
            <Card size="small" title={t('intake.delivery')} style={{ marginBottom: 16 }}>
              <FieldRow id={deliveryId} label={t('intake.deliveryHall')} required extra={t('intake.deliveryHelp')}>
                <Select
                  {...describedBy(deliveryId, undefined, true)}
                  ref={deliveryRef}
                  value={delivery.value}
                  onChange={delivery.onChange}
                  style={{ maxWidth: 360 }}
                  options={SEED_HALLS.map((h) => ({ value: h.hallId, label: h.hallId === device.hallId ? t('intake.thisHall', { name: hallLabel(h.hallId) }) : hallLabel(h.hallId) }))}
                />
              </FieldRow>
            </Card>
          </Form>
        </form>
      </Col>
      <Col xs={24} xl={9}>
        <div style={{ position: 'sticky', top: 0, display: 'grid', gap: 16 }}>
          <CheckPanel
            issues={issues}
            applicantKind={values.applicant.kind}
            reason={reason}
            canNotice={hasNoticeContent(issues)}
            busy={busy}
            draft={draft.status}
            acceptRef={acceptButton}
            onAccept={() => void accept()}
            onNotice={() => void printNotice()}
            onDiscard={discard}
          />
          <GuideCard item={item} hallId={device.hallId} />
        </div>
      </Col>
    </Row>
  );
}
