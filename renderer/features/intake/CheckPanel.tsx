// What still blocks acceptance, the two ways out (accept, or print a one-time notice), and the draft.
import { useTranslation } from 'react-i18next';
import type { ApplicantKind } from '../../../shared/catalog/item-schema';
import { formatTime, t } from '../../i18n';
import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { Ref } from 'react';
import type { IntakeIssue } from './intake-schema';
import { focusPath } from './keyboard';
import type { DraftStatus } from './use-draft-autosave';

const REASON_ID = 'intake-accept-reason';

function draftText(s: DraftStatus): string {
  if (s.state === 'saved') return t('intake.draftSavedAt', { time: formatTime(s.at) });
  if (s.state === 'error') return s.message;
  if (s.state === 'pending') return t('intake.draftSaving');
  return t('intake.draftIdle');
}

/** An issue's field name on screen; the Chinese label stays in the issue for the printed notice. */
function issueLabel(i: IntakeIssue, kind: ApplicantKind): string {
  const key = i.path.split('.')[1];
  if (i.section === 'applicant' && (key === 'name' || key === 'idType' || key === 'idNumber' || key === 'phone')) return t(`intake.label.${kind}.${key}`);
  if (i.section === 'delivery') return t('intake.deliveryHall');
  return i.label;
}

export interface CheckPanelProps {
  issues: IntakeIssue[];
  applicantKind: ApplicantKind;
  reason: string | null;
  canNotice: boolean;
  busy: boolean;
  draft: DraftStatus;
  acceptRef: Ref<HTMLButtonElement>;
  onAccept: () => void;
  onNotice: () => void;
  onDiscard: () => void;
}

export function CheckPanel({ acceptRef, ...p }: CheckPanelProps) {
  useTranslation(); // renders again when the language changes
  return (
    <Card size="small" title={t('intake.check')} role="region" aria-label={t('intake.check')}>
      {p.issues.length === 0 ? (
        <Space style={{ marginBottom: 12 }}>
          <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden="true" />
          <Typography.Text>{t('intake.allGood')}</Typography.Text>
        </Space>
      ) : (
        <ul aria-label={t('intake.todo')} style={{ listStyle: 'none', padding: 0, margin: '0 0 12px', maxHeight: 220, overflow: 'auto' }}>
          {p.issues.map((i) => (
            <li key={i.path} style={{ marginBottom: 2 }}>
              <Button type="link" size="small" danger={i.kind === 'missing'} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => focusPath(i.path)}>
                {t('intake.issue', { label: issueLabel(i, p.applicantKind), message: i.message })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          ref={acceptRef}
          type="primary"
          size="large"
          block
          loading={p.busy}
          disabled={!!p.reason}
          aria-describedby={p.reason ? REASON_ID : undefined}
          aria-keyshortcuts="Control+Enter"
          onClick={p.onAccept}
        >
          {t('intake.accept')}
        </Button>
        {p.reason && (
          <Typography.Text type="danger" id={REASON_ID}>
            {t('intake.cannotAccept', { reason: p.reason })}
          </Typography.Text>
        )}
        <Button icon={<PrinterOutlined aria-hidden="true" />} block disabled={!p.canNotice} onClick={p.onNotice}>
          {t('intake.notice')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.canNotice ? t('intake.noticeHelp') : t('intake.noNotice')}
        </Typography.Text>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-live="polite">
            {draftText(p.draft)}
          </Typography.Text>
          <Button type="link" danger size="small" onClick={p.onDiscard}>
            {t('intake.discardIntake')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
