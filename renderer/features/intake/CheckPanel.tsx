// What still blocks acceptance, the two ways out (accept, or print a one-time notice), and the draft.
import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { Ref } from 'react';
import type { IntakeIssue } from './intake-schema';
import { focusPath } from './keyboard';
import type { DraftStatus } from './use-draft-autosave';

const REASON_ID = 'intake-accept-reason';

function draftText(s: DraftStatus): string {
  if (s.state === 'saved') return `草稿已自动保存 ${new Date(s.at).toLocaleTimeString('zh-CN', { hour12: false })}`;
  if (s.state === 'error') return s.message;
  if (s.state === 'pending') return '正在保存草稿…';
  return '输入内容会自动保存为草稿';
}

export interface CheckPanelProps {
  issues: IntakeIssue[];
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
  return (
    <Card size="small" title="受理检查" role="region" aria-label="受理检查">
      {p.issues.length === 0 ? (
        <Space style={{ marginBottom: 12 }}>
          <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden="true" />
          <Typography.Text>材料齐全、信息完整，可以受理。</Typography.Text>
        </Space>
      ) : (
        <ul aria-label="待处理事项" style={{ listStyle: 'none', padding: 0, margin: '0 0 12px', maxHeight: 220, overflow: 'auto' }}>
          {p.issues.map((i) => (
            <li key={i.path} style={{ marginBottom: 2 }}>
              <Button type="link" size="small" danger={i.kind === 'missing'} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => focusPath(i.path)}>
                {i.label}：{i.message}
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
          受理
        </Button>
        {p.reason && (
          <Typography.Text type="danger" id={REASON_ID}>
            不能受理：{p.reason}
          </Typography.Text>
        )}
        <Button icon={<PrinterOutlined aria-hidden="true" />} block disabled={!p.canNotice} onClick={p.onNotice}>
          打印一次性告知单
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.canNotice ? '申请人材料不齐时，打印告知单一次性告知需补齐的全部材料和信息。' : '没有缺少的材料或信息时无需告知单。'}
        </Typography.Text>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-live="polite">
            {draftText(p.draft)}
          </Typography.Text>
          <Button type="link" danger size="small" onClick={p.onDiscard}>
            放弃本次收件
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
