// The head of a case: who applied (numbers masked until 显示), what for, which halls, its state
// and the promised date with how it stands.
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { CaseView } from '../../../shared/case/projection';
import { useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';
import type { CaseDeadline } from './deadline';
import { DeadlineTag } from './DeadlineTag';
import { beijingTime } from './format';
import { idNumberText, phoneText } from './sensitive';
import { STATE_COLORS } from './state-colors';

interface Props {
  view: CaseView;
  itemName: string;
  promisedDays: number | undefined;
  deadline: CaseDeadline | null;
  pending: number;
  revealed: boolean;
  onToggleReveal(): void;
}

export function CaseSummary({ view, itemName, promisedDays, deadline, pending, revealed, onToggleReveal }: Props) {
  const { t } = useTranslation();
  const a = view.applicant;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        {
          key: 'state',
          label: t('casePage.state'),
          children: (
            <Space size={4}>
              <Tag color={STATE_COLORS[view.state]}>{t(`state.${view.state}`)}</Tag>
              {pending > 0 ? <Tag color="gold">{t('casePage.pending', { count: pending })}</Tag> : null}
            </Space>
          ),
        },
        { key: 'item', label: t('casePage.item'), children: t('cases.itemOption', { name: itemName, city: view.itemCode }) },
        { key: 'applicant', label: t('casePage.applicant'), children: t('cases.itemOption', { name: a.name, city: a.kind === 'enterprise' ? t('casePage.enterprise') : t('casePage.person') }) },
        {
          key: 'id',
          label: t(`idType.${a.idType}`, { defaultValue: t('casePage.idNumber') }),
          children: (
            <Space size={8}>
              <span style={{ fontFamily: 'monospace' }} aria-label={t('casePage.idNumber')}>
                {idNumberText(a.idType, a.idNumber, revealed)}
              </span>
              <Button size="small" aria-pressed={revealed} onClick={onToggleReveal} title={revealed ? t('casePage.hideTitle') : t('casePage.showTitle')}>
                {revealed ? t('casePage.hide') : t('casePage.show')}
              </Button>
            </Space>
          ),
        },
        { key: 'phone', label: t('casePage.phone'), children: phoneText(a.phone, revealed) },
        { key: 'received', label: t('casePage.received'), children: beijingTime(view.receivedAt) },
        { key: 'intake', label: t('casePage.intakeHall'), children: hallLabel(view.halls.intakeHallId) },
        { key: 'home', label: t('casePage.homeHall'), children: hallLabel(view.halls.homeHallId) },
        { key: 'delivery', label: t('casePage.deliveryHall'), children: hallLabel(view.halls.deliveryHallId) },
        {
          key: 'deadline',
          label: t('casePage.promised'),
          children: (
            <Space orientation="vertical" size={0}>
              <DeadlineTag deadline={deadline} />
              {promisedDays !== undefined ? <Typography.Text type="secondary">{t('casePage.promisedDays', { count: promisedDays })}</Typography.Text> : null}
            </Space>
          ),
        },
        ...(view.correction
          ? [{ key: 'correction', label: t('casePage.correction'), span: 2, children: <Typography.Text type="warning">{view.correction.reasons.join(t('casePage.reasonSeparator'))}</Typography.Text> }]
          : []),
        ...(view.pauses.length > 0
          ? [
              {
                key: 'pauses',
                label: t('casePage.pausedLabel'),
                span: 2,
                children: (
                  <Space orientation="vertical" size={0}>
                    {view.pauses.map((p) => (
                      <span key={p.from}>
                        {p.to ? t('casePage.pausedSpan', { from: beijingTime(p.from), to: beijingTime(p.to) }) : t('casePage.pausedSince', { from: beijingTime(p.from) })}
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...(view.decision
          ? [
              {
                key: 'decision',
                label: t('casePage.decision'),
                span: 2,
                children:
                  view.decision.kind === 'approved'
                    ? t('casePage.approved', { at: beijingTime(view.decision.at) }) + (view.decision.note ? t('casePage.noteSuffix', { note: view.decision.note }) : '')
                    : t('casePage.rejected', { at: beijingTime(view.decision.at), reason: view.decision.reason ?? '', basis: view.decision.legalBasis ?? '' }),
              },
            ]
          : []),
        ...(view.certificate
          ? [{ key: 'cert', label: t('casePage.certificate'), span: 2, children: t('casePage.certificateLine', { name: view.certificate.certificate.name ?? t('casePage.certificate'), id: view.certificate.certificate.certificateId }) }]
          : []),
        ...(view.withdrawal ? [{ key: 'withdrawn', label: t('casePage.withdrawal'), span: 2, children: view.withdrawal.reason }] : []),
      ]}
    />
  );
}
