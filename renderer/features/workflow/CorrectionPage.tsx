// The intake hall takes the applicant's corrections: the home hall's reasons on top, the case's data
// and materials in the intake form, and the changes resubmitted for review (the clock starts again).
import { useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Form, Result, Space, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Item } from '../../../shared/catalog/item-schema';
import type { CaseView } from '../../../shared/case/projection';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { platform } from '../../platform/platform';
import {
  correctionNoticeDocument,
  CORRECTION_NOTICE_TITLE,
} from '../../ui/print/correction-notice';
import { useCaseRecord } from '../cases/use-case';
import { useCatalog } from '../cases/use-reference';
import { ApplicantSection } from '../intake/ApplicantSection';
import { requiredMark } from '../intake/FieldRow';
import { intakeSchema } from '../intake/intake-schema';
import type { IntakeValues } from '../intake/intake-values';
import { ItemFieldsSection } from '../intake/ItemFieldsSection';
import { enterMovesToNext, focusPath, useShortcuts } from '../intake/keyboard';
import { MaterialsSection } from '../intake/MaterialsSection';
import { correctionIssues, correctionPayload, valuesFromView } from './correction';
import { correctionNotice } from './print-data';
import { useActor } from './use-actor';

export function CorrectionPage({ navigate, param }: PageProps) {
  const { t } = useTranslation();
  const record = useCaseRecord(param);
  const catalog = useCatalog();
  const view = record?.row?.view;
  const item = view ? catalog?.items.find((i) => i.code === view.itemCode) : undefined;
  const back = <Button onClick={() => navigate('case', param)}>{t('correction.back')}</Button>;
  if (!record || !catalog)
    return <Spin description={t('correction.loading')} style={{ display: 'block', marginTop: 64 }} />;
  if (!view || !item)
    return <Result status="warning" title={t('correction.missing')} extra={back} />;
  if (view.state !== 'needs_correction' || !view.correction) {
    return (
      <Result
        status="info"
        title={t('correction.notNeeded')}
        subTitle={t('correction.notNeededText')}
        extra={back}
      />
    );
  }
  // Keyed by the request, so a newer correction request starts a fresh form.
  return (
    <CorrectionForm
      key={view.correction.at}
      view={view}
      item={item}
      navigate={navigate}
      back={back}
    />
  );
}

function CorrectionForm({
  view,
  item,
  navigate,
  back,
}: {
  view: CaseView;
  item: Item;
  navigate: PageProps['navigate'];
  back: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { session } = useApp();
  const { message } = App.useApp();
  const actor = useActor();
  // The form starts from the case as it stood when the clerk opened it.
  const [initial] = useState(() => valuesFromView(item, view));
  const schema = useMemo(() => intakeSchema(item), [item]);
  const form = useForm<IntakeValues>({
    mode: 'onChange',
    resolver: zodResolver(schema),
    defaultValues: initial,
  });
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const correction = view.correction!;
  const notice = correctionNotice(view, item, session.staff.name);

  const printNotice = async () => {
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const data = correctionNotice(view, item, session.staff.name);
    if (!data) return;
    const r = await platform().print({
      html: correctionNoticeDocument(data),
      title: CORRECTION_NOTICE_TITLE,
    });
    if (!r.ok && r.error.code !== 'PRINT_CANCELLED') message.error(r.error.message);
    back?.focus();
  };

  const submit = async () => {
    if (submitting.current) return;
    const values = form.getValues();
    const issues = correctionIssues(item, values, correction.materialIds);
    if (issues.length > 0) {
      await form.trigger();
      const first = issues[0]!;
      focusPath(first.path);
      message.warning(
        t('correction.notYet', { label: first.label, message: first.message }) + (issues.length > 1 ? t('correction.moreIssues', { count: issues.length }) : ''),
      );
      return;
    }
    const payload = correctionPayload(item, initial, values);
    if (Object.keys(payload.changes).length === 0 && payload.materials.length === 0) {
      message.warning(t('correction.noChange'));
      return;
    }
    submitting.current = true;
    setBusy(true);
    const r = await actor.act(view, 'case.correction_submitted', payload);
    submitting.current = false;
    setBusy(false);
    if (!r.ok) {
      message.error(r.error.message);
      return;
    }
    message.success(t('correction.submitted'));
    navigate('case', view.caseId);
  };
  useShortcuts([{ keys: 'Ctrl+Enter', run: () => void submit() }]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Space size={16} align="center">
        {back}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('correction.title')}<span style={{ fontFamily: 'monospace' }}>{view.caseNo}</span>
        </Typography.Title>
      </Space>
      <Alert
        type="warning"
        showIcon
        title={t('correction.requested', { hall: hallLabel(view.halls.homeHallId) })}
        description={
          <div>
            <ol style={{ margin: '4px 0', paddingLeft: 20 }}>
              {correction.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ol>
            {notice && notice.materials.length > 0 ? (
              <div>{t('correction.toHandIn', { materials: notice.materials.join(t('common.listSeparator')) })}</div>
            ) : null}
            <div style={{ marginTop: 4 }}>{t('correction.paused')}</div>
          </div>
        }
        action={
          <Button icon={<PrinterOutlined aria-hidden="true" />} onClick={() => void printNotice()}>
            {t('correction.printNotice')}
          </Button>
        }
      />
      <form
        aria-label={t('correction.form')}
        noValidate
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={enterMovesToNext}
      >
        <Form component={false} layout="vertical" requiredMark={requiredMark}>
          <Card size="small" title={t('intake.applicant')} style={{ marginBottom: 16 }}>
            <ApplicantSection item={item} form={form} />
          </Card>
          <Card size="small" title={t('intake.itemInfo')} style={{ marginBottom: 16 }}>
            <ItemFieldsSection item={item} control={form.control} />
          </Card>
          <Card
            size="small"
            title={t('correction.materials', { count: item.materials.length })}
            style={{ marginBottom: 16 }}
          >
            <MaterialsSection item={item} control={form.control} />
          </Card>
        </Form>
      </form>
      <Space>
        <Button
          type="primary"
          loading={busy}
          onClick={() => void submit()}
          aria-keyshortcuts="Control+Enter"
        >
          {t('correction.submit')}
        </Button>
        <Typography.Text type="secondary">{t('correction.submitKey')}</Typography.Text>
      </Space>
    </Space>
  );
}
