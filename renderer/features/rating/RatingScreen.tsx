// The applicant's rating screen (好差评): the clerk turns the monitor toward the applicant, the screen
// fills it (browser full screen where allowed) with five large buttons and an optional comment; the
// applicant submits, sees a thank-you, and the clerk takes the screen back.
// Chinese whatever language the counter shows: the applicant reads the official 好差评 wording.
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { BAD_RATINGS, RATING_LABELS, RATING_LEVELS, RATING_STAGE_LABELS, type RatingLevel, type RatingStage } from '../../../shared/protocol/events';
import type { Result } from '../../../shared/result';

const FACES: Record<RatingLevel, { icon: ReactNode; color: string }> = {
  very_satisfied: { icon: <SmileOutlined />, color: '#237804' },
  satisfied: { icon: <SmileOutlined />, color: '#52c41a' },
  basic: { icon: <MehOutlined />, color: '#7cb305' },
  dissatisfied: { icon: <FrownOutlined />, color: '#d46b08' },
  very_dissatisfied: { icon: <FrownOutlined />, color: '#cf1322' },
};

const MAX_COMMENT = 500;

export interface RatingScreenProps {
  stage: RatingStage;
  hallName: string;
  caseNo: string;
  itemName: string;
  submit(level: RatingLevel, comment: string): Promise<Result<unknown>>;
  onClose(): void;
}

export function RatingScreen({ stage, hallName, caseNo, itemName, submit, onClose }: RatingScreenProps) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.focus();
    // Full screen where the browser or shell allows it (it needs the click that opened us); the
    // overlay fills the window either way.
    const el = root.current;
    if (el && !document.fullscreenElement) el.requestFullscreen?.().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const send = async () => {
    if (!level) return setError('请先选择一个评价等级');
    if (comment.trim().length > MAX_COMMENT) return setError(`意见不超过 ${MAX_COMMENT} 字`);
    setBusy(true);
    setError(null);
    const r = await submit(level, comment.trim());
    setBusy(false);
    if (r.ok) setDone(true);
    else setError(r.error.message);
  };

  const bad = level !== null && BAD_RATINGS.has(level);
  return createPortal(
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-label="服务评价"
      tabIndex={-1}
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#fff', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', padding: 32, overflow: 'auto' }}
    >
      {done ? (
        <Space orientation="vertical" align="center" size={32}>
          <Typography.Title style={{ fontSize: 48, margin: 0 }}>感谢您的评价！</Typography.Title>
          <Typography.Text style={{ fontSize: 22 }}>您的意见我们会认真对待{bad ? '，并在限期内整改、回复' : ''}。</Typography.Text>
          <Button size="large" onClick={onClose} style={{ height: 56, fontSize: 20, paddingInline: 40 }}>
            完成（工作人员操作）
          </Button>
        </Space>
      ) : (
        <Space orientation="vertical" align="center" size={24} style={{ maxWidth: 1200, width: '100%' }}>
          <Typography.Title style={{ fontSize: 40, margin: 0, textAlign: 'center' }}>请您对本次服务作出评价</Typography.Title>
          <Typography.Text style={{ fontSize: 20 }} type="secondary">
            {hallName} · {RATING_STAGE_LABELS[stage]}环节 · {itemName} · 办件 {caseNo}
          </Typography.Text>
          <div role="radiogroup" aria-label="评价等级" style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(150px, 1fr))', gap: 16, width: '100%' }}>
            {RATING_LEVELS.map((l) => {
              const chosen = level === l;
              return (
                <button
                  key={l}
                  type="button"
                  role="radio"
                  aria-checked={chosen}
                  onClick={() => {
                    setLevel(l);
                    setError(null);
                  }}
                  style={{
                    height: 180,
                    borderRadius: 16,
                    cursor: 'pointer',
                    border: `4px solid ${chosen ? FACES[l].color : '#d9d9d9'}`,
                    background: chosen ? `${FACES[l].color}14` : '#fafafa',
                    color: FACES[l].color,
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                    justifyContent: 'center',
                    gap: 12,
                    fontSize: 28,
                    fontWeight: 600,
                  }}
                >
                  <span aria-hidden="true" style={{ fontSize: 64 }}>
                    {FACES[l].icon}
                  </span>
                  {RATING_LABELS[l]}
                </button>
              );
            })}
          </div>
          <div style={{ width: '100%' }}>
            <label htmlFor="rating-comment" style={{ fontSize: 20, display: 'block', marginBottom: 8 }}>
              {bad ? '请告诉我们哪里做得不好（选填），我们将限期整改' : '意见或建议（选填）'}
            </label>
            <Input.TextArea id="rating-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={MAX_COMMENT} showCount style={{ fontSize: 20 }} />
          </div>
          {error ? <Alert type="error" showIcon title={error} style={{ fontSize: 18 }} /> : null}
          <Space size={24}>
            <Button type="primary" size="large" loading={busy} onClick={() => void send()} style={{ height: 64, fontSize: 24, paddingInline: 56 }}>
              提交评价
            </Button>
            <Button type="link" onClick={onClose}>
              申请人不评价（工作人员操作）
            </Button>
          </Space>
        </Space>
      )}
    </div>,
    document.body,
  );
}
