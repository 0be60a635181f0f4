// Text chat in a call, over the call's own data channel.
import { Button, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChatLine } from './controller';

export function CallChat({
  lines,
  open,
  onSend,
}: {
  lines: readonly ChatLine[];
  open: boolean;
  onSend: (text: string) => boolean;
}) {
  const [text, setText] = useState('');
  const log = useRef<HTMLDivElement>(null);
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [lines.length]);
  const send = () => {
    if (onSend(text)) setText('');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <div
        ref={log}
        role="log"
        aria-label="会商聊天"
        style={{
          height: 120,
          overflowY: 'auto',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          padding: 6,
        }}
      >
        {lines.length === 0 ? (
          <Typography.Text type="secondary">
            {open ? '可在此发送文字消息' : '连接建立后可发送文字消息'}
          </Typography.Text>
        ) : null}
        {lines.map((l) => (
          <div key={l.id}>
            <Typography.Text strong type={l.from === 'me' ? undefined : 'success'}>
              {l.from === 'me' ? '我' : '对方'}：
            </Typography.Text>
            {l.text}
          </div>
        ))}
      </div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="聊天消息"
          value={text}
          maxLength={1000}
          disabled={!open}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={send}
          placeholder="输入消息，回车发送"
        />
        <Button onClick={send} disabled={!open || !text.trim()}>
          发送
        </Button>
      </Space.Compact>
    </Space>
  );
}
