// On the case page: the applicant's ratings, the rectifications they opened, the supervisors' flags,
// and what this staff member may do about each (the same rules the hub applies), plus the rating
// screen after a handover here.
import { Button, Divider, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/case/projection';
import {
  AWAITING_HALL,
  canAnswer,
  canFlag,
  canJudge,
  canReport,
  type FlagRecord,
  type RectificationRecord,
} from '../../../shared/supervision/feedback';
import { useApp } from '../../app/session-context';
import { hallLabel } from '../../i18n/labels';
import { beijingDate, beijingTime } from '../cases/format';
import { useCalendar, useToday } from '../cases/use-reference';
import { RateAfterHandover } from '../rating/RateButton';
import { principalOf } from '../workflow/act';
import { useActor } from '../workflow/use-actor';
import { AnswerFlagModal, CloseModal, FlagModal, ReportModal, ReturnModal } from './SupervisionModals';

type Open =
  | { kind: 'flag' }
  | { kind: 'answer'; flag: FlagRecord }
  | { kind: 'report' | 'close' | 'return'; item: RectificationRecord };

const STATUS_COLORS = { open: 'orange', reported: 'blue', returned: 'red', closed: 'green' } as const;

export function CaseSupervision({ view }: { view: CaseView }) {
  const { session, device } = useApp();
  const { t } = useTranslation();
  const actor = useActor();
  const calendar = useCalendar();
  const today = beijingDate(useToday());
  const [open, setOpen] = useState<Open | null>(null);
  const principal = principalOf(session, device);
  const flags = view.flags ?? [];
  const ratings = view.ratings ?? [];
  const items = view.rectifications ?? [];
  const mayFlag = canFlag(view, principal);
  const showRating = view.state === 'delivered';
  if (!flags.length && !ratings.length && !items.length && !mayFlag && !showRating) return null;
  const close = () => setOpen(null);
  const base = { view, actor, onClose: close };

  return (
    <section aria-label={t('supervision.onCase.region')}>
      <Divider style={{ margin: '12px 0' }} />
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <RateAfterHandover view={view} />
          {mayFlag ? <Button onClick={() => setOpen({ kind: 'flag' })}>{t('supervision.onCase.flagButton')}</Button> : null}
        </Space>
        {flags.map((f) => (
          <div key={f.flagId} role="group" aria-label={t('supervision.onCase.flag')}>
            <Space wrap size={4}>
              <Tag color={f.answer ? 'green' : 'red'}>{f.answer ? t('supervision.onCase.flagAnswered') : t('supervision.onCase.flagWaiting')}</Tag>
              <Typography.Text>{f.reason}</Typography.Text>
              <Typography.Text type="secondary">{t('supervision.onCase.at', { time: beijingTime(f.at) })}</Typography.Text>
              {canAnswer(view, principal, f) ? (
                <Button size="small" type="primary" onClick={() => setOpen({ kind: 'answer', flag: f })}>
                  {t('supervision.onCase.answer')}
                </Button>
              ) : null}
            </Space>
            {f.answer ? <div style={{ paddingLeft: 8 }}>{t('supervision.onCase.answered', { text: f.answer.text })}</div> : null}
          </div>
        ))}
        {ratings.map((r) => (
          <div key={r.ratingId}>
            <Typography.Text>
              <Trans
                i18nKey="supervision.onCase.rating"
                values={{ stage: t(`ratingStage.${r.stage}`), hall: hallLabel(r.actor.hallId), level: t(`ratingLevel.${r.level}`) }}
                components={{ b: <b /> }}
              />
              {r.comment ? t('supervision.onCase.ratingComment', { comment: r.comment }) : ''}
            </Typography.Text>
          </div>
        ))}
        {items.map((item) => {
          const overdue = AWAITING_HALL.has(item.status) && today > item.dueDate;
          return (
            <div key={item.rectificationId} role="group" aria-label={t('supervision.onCase.rectGroup', { hall: hallLabel(item.hallId) })}>
              <Space wrap size={4}>
                <Tag color={STATUS_COLORS[item.status]}>{t('supervision.onCase.rectTag', { status: t(`rectificationStatus.${item.status}`) })}</Tag>
                <Typography.Text>
                  {t('supervision.onCase.rectDue', { hall: hallLabel(item.hallId), due: item.dueDate })}
                  {overdue ? <Typography.Text type="danger">{t('supervision.onCase.overdue')}</Typography.Text> : null}
                </Typography.Text>
                {canReport(view, principal, item) ? (
                  <Button size="small" type="primary" onClick={() => setOpen({ kind: 'report', item })}>
                    {t('supervision.onCase.report')}
                  </Button>
                ) : null}
                {canJudge(view, principal, item) ? (
                  <>
                    <Button size="small" type="primary" onClick={() => setOpen({ kind: 'close', item })}>
                      {t('supervision.onCase.close')}
                    </Button>
                    <Button size="small" danger onClick={() => setOpen({ kind: 'return', item })}>
                      {t('supervision.onCase.return')}
                    </Button>
                  </>
                ) : null}
              </Space>
              <ol style={{ margin: '4px 0', paddingLeft: 20 }}>
                {item.steps.map((s, i) => (
                  <li key={i}>
                    {s.kind === 'reported'
                      ? t('supervision.onCase.stepReported', { text: s.text || '—' })
                      : s.kind === 'closed'
                        ? t('supervision.onCase.stepClosed', { text: s.text || '—' })
                        : t('supervision.onCase.stepReturned', { due: s.rectifyBy ?? '', text: s.text || '—' })}
                    <Typography.Text type="secondary">{t('supervision.onCase.at', { time: beijingTime(s.at) })}</Typography.Text>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </Space>
      {open?.kind === 'flag' && <FlagModal {...base} />}
      {open?.kind === 'answer' && <AnswerFlagModal {...base} flag={open.flag} />}
      {open?.kind === 'report' && <ReportModal {...base} item={open.item} />}
      {open?.kind === 'close' && <CloseModal {...base} item={open.item} />}
      {open?.kind === 'return' && <ReturnModal {...base} item={open.item} calendar={calendar} />}
    </section>
  );
}
