// On the case page: the applicant's ratings, the rectifications they opened, the supervisors' flags,
// and what this staff member may do about each (the same rules the hub applies), plus the rating
// screen after a handover here.
import { Button, Divider, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseView } from '../../../shared/case/projection';
import { hallName } from '../../../shared/halls';
import { RATING_LABELS, RATING_STAGE_LABELS } from '../../../shared/protocol/events';
import {
  AWAITING_HALL,
  canAnswer,
  canFlag,
  canJudge,
  canReport,
  RECTIFICATION_STATUS_LABELS,
  type FlagRecord,
  type RectificationRecord,
} from '../../../shared/supervision/feedback';
import { useApp } from '../../app/session-context';
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
    <section aria-label="督办与评价">
      <Divider style={{ margin: '12px 0' }} />
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <RateAfterHandover view={view} />
          {mayFlag ? <Button onClick={() => setOpen({ kind: 'flag' })}>督办</Button> : null}
        </Space>
        {flags.map((f) => (
          <div key={f.flagId} role="group" aria-label="督办">
            <Space wrap size={4}>
              <Tag color={f.answer ? 'green' : 'red'}>{f.answer ? '督办已答复' : '督办待答复'}</Tag>
              <Typography.Text>{f.reason}</Typography.Text>
              <Typography.Text type="secondary">（{beijingTime(f.at)}）</Typography.Text>
              {canAnswer(view, principal, f) ? (
                <Button size="small" type="primary" onClick={() => setOpen({ kind: 'answer', flag: f })}>
                  答复督办
                </Button>
              ) : null}
            </Space>
            {f.answer ? <div style={{ paddingLeft: 8 }}>答复：{f.answer.text}</div> : null}
          </div>
        ))}
        {ratings.map((r) => (
          <div key={r.ratingId}>
            <Typography.Text>
              评价（{RATING_STAGE_LABELS[r.stage]}，{hallName(r.actor.hallId)}）：<b>{RATING_LABELS[r.level]}</b>
              {r.comment ? `；${r.comment}` : ''}
            </Typography.Text>
          </div>
        ))}
        {items.map((item) => {
          const overdue = AWAITING_HALL.has(item.status) && today > item.dueDate;
          return (
            <div key={item.rectificationId} role="group" aria-label={`整改：${hallName(item.hallId)}`}>
              <Space wrap size={4}>
                <Tag color={STATUS_COLORS[item.status]}>整改 · {RECTIFICATION_STATUS_LABELS[item.status]}</Tag>
                <Typography.Text>
                  {hallName(item.hallId)}，期限 {item.dueDate}
                  {overdue ? <Typography.Text type="danger">（已超期）</Typography.Text> : null}
                </Typography.Text>
                {canReport(view, principal, item) ? (
                  <Button size="small" type="primary" onClick={() => setOpen({ kind: 'report', item })}>
                    登记整改情况
                  </Button>
                ) : null}
                {canJudge(view, principal, item) ? (
                  <>
                    <Button size="small" type="primary" onClick={() => setOpen({ kind: 'close', item })}>
                      办结整改
                    </Button>
                    <Button size="small" danger onClick={() => setOpen({ kind: 'return', item })}>
                      退回重改
                    </Button>
                  </>
                ) : null}
              </Space>
              <ol style={{ margin: '4px 0', paddingLeft: 20 }}>
                {item.steps.map((s, i) => (
                  <li key={i}>
                    {s.kind === 'reported' ? '整改情况' : s.kind === 'closed' ? '办结' : `退回（新期限 ${s.rectifyBy ?? ''}）`}：{s.text || '—'}
                    <Typography.Text type="secondary">（{beijingTime(s.at)}）</Typography.Text>
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
