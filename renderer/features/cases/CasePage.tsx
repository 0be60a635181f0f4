// One case: the applicant (numbers masked until 显示), the form, halls, state and promised date,
// the materials with their attachments, and everything that happened to it.
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Attachment } from '../../../shared/protocol/events';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { AttachmentModal } from './AttachmentModal';
import { CaseFormFields } from './CaseFormFields';
import { CaseMaterials } from './CaseMaterials';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { caseDeadline } from './deadline';
import { buildTimeline } from './timeline';
import { useCaseRecord, useStaffNames } from './use-case';
import { useCaseFromHub } from './use-case-from-hub';
import { HeadSummary } from './HeadSummary';
import { useCatalog, useCalendar, useToday } from './use-reference';
import { CaseActions } from '../workflow/CaseActions';
import { CertificateCard } from '../workflow/CertificateCard';
import { ConsultButton } from '../consult/ConsultButton';
import { Later } from '../../ui/Later';

export function CasePage({ navigate, param }: PageProps) {
  const { t } = useTranslation();
  const { session } = useApp();
  const record = useCaseRecord(param);
  const catalog = useCatalog();
  const calendar = useCalendar();
  const now = useToday();
  const staffNames = useStaffNames();
  const [revealed, setRevealed] = useState(false);
  const [attachment, setAttachment] = useState<Attachment | null>(null);

  const view = record?.row?.view;
  const { fetch: fromHub, retry } = useCaseFromHub(param, record !== undefined && !view);
  const item = view ? catalog?.items.find((i) => i.code === view.itemCode) : undefined;
  const names = useMemo(
    () => new Map([...staffNames, [session.staff.staffId, session.staff.name]]),
    [staffNames, session.staff],
  );
  const timeline = useMemo(
    () => buildTimeline(view?.history ?? [], record?.outbox ?? []),
    [view, record?.outbox],
  );
  const fieldLabel = (name: string) => item?.fields.find((f) => f.name === name)?.label ?? name;
  const back = (
    <Button onClick={() => navigate('cases')} aria-label={t('casePage.backLabel')}>
      {t('casePage.back')}
    </Button>
  );

  if (!record || (!view && fromHub.state === 'checking'))
    return <Spin description={t('casePage.loading')} style={{ display: 'block', marginTop: 64 }} />;
  if (!view && fromHub.state === 'fetching')
    return <Spin description={t('casePage.fetching', { caseNo: fromHub.head.caseNo })} style={{ display: 'block', marginTop: 64 }} />;
  if (!view && fromHub.state === 'failed') {
    const { head } = fromHub;
    return (
      <Result
        status="info"
        title={t('casePage.notStoredYet', { caseNo: head.caseNo })}
        subTitle={t('casePage.notStoredYetText', { error: fromHub.error })}
        extra={
          <Space>
            {back}
            <Button type="primary" onClick={retry}>
              {t('casePage.retryFetch')}
            </Button>
          </Space>
        }
      >
        <HeadSummary head={head} itemName={head.line.itemName ?? catalog?.items.find((i) => i.code === head.itemCode)?.name ?? head.itemCode} />
      </Result>
    );
  }
  if (!view) {
    const refused = timeline.some((e) => e.type === 'case.received' && e.status === 'refused');
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Result
          status="warning"
          title={refused ? t('casePage.receiptRefused') : t('casePage.missing')}
          subTitle={refused ? t('casePage.receiptRefusedText') : t('casePage.missingText')}
          extra={back}
        />
        {timeline.length > 0 ? (
          <Card title={t('casePage.history')}>
            <CaseTimeline entries={timeline} staffNames={names} fieldLabel={fieldLabel} />
          </Card>
        ) : null}
      </Space>
    );
  }

  // Drawn in three commits, so none is a long task: the title, summary and actions at once (the
  // controls that take keys), the form and materials next, the certificate and timeline last.
  const promisedDays = view.promisedDays ?? item?.promisedDays;
  const deadline = caseDeadline(view, calendar, item?.promisedDays, now);
  const refusedCount = timeline.filter((e) => e.status === 'refused').length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={16} align="center">
        {back}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('casePage.title')}<span style={{ fontFamily: 'monospace' }}>{view.caseNo}</span>
        </Typography.Title>
        <ConsultButton view={view} item={item} />
      </Space>
      {refusedCount > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('casePage.refused', { count: refusedCount })}
        />
      ) : null}
      {/* Two columns side by side where they fit, one under the other where not: a flex row, not
          antd's grid, whose styles for every breakpoint cost 30 ms and more to make the first time. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ flex: '15 1 560px', minWidth: 0 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('casePage.basics')} size="small">
              <CaseSummary
                view={view}
                itemName={view.itemName ?? item?.name ?? view.itemCode}
                promisedDays={promisedDays}
                deadline={deadline}
                pending={record.row?.pending ?? 0}
                revealed={revealed}
                onToggleReveal={() => setRevealed((r) => !r)}
              />
            </Card>
            <Later>
              <Card title={t('casePage.form')} size="small">
                <CaseFormFields form={view.form} fields={item?.fields ?? []} revealed={revealed} />
              </Card>
            </Later>
            <Later>
              <Card title={t('casePage.materials')} size="small">
                <CaseMaterials
                  materials={view.materials}
                  catalog={item?.materials ?? []}
                  onOpen={setAttachment}
                />
              </Card>
            </Later>
          </Space>
        </div>
        <div style={{ flex: '9 1 340px', minWidth: 0 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <CaseActions view={view} item={item} navigate={navigate} />
            {view.certificate ? (
              <Later step={2}>
                <Card title={t('casePage.certificate')} size="small">
                  <CertificateCard view={view} staffNames={names} />
                </Card>
              </Later>
            ) : null}
            <Later step={2}>
              <Card title={t('casePage.history')} size="small">
                <CaseTimeline entries={timeline} staffNames={names} fieldLabel={fieldLabel} />
              </Card>
            </Later>
          </Space>
        </div>
      </div>
      <AttachmentModal
        attachment={attachment}
        token={session.token}
        onClose={() => setAttachment(null)}
      />
    </Space>
  );
}
