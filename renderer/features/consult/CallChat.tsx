// Text chat in a call, over the call's own data channel.
import { Button, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
        aria-label={t('consult.chat.log')}
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
            {open ? t('consult.chat.ready') : t('consult.chat.waiting')}
          </Typography.Text>
        ) : null}
        {lines.map((l) => (
          <div key={l.id}>
            <Typography.Text strong type={l.from === 'me' ? undefined : 'success'}>
              {l.from === 'me' ? t('consult.chat.me') : t('consult.chat.peer')}
            </Typography.Text>
            {l.text}
          </div>
        ))}
      </div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('consult.chat.message')}
          value={text}
          maxLength={1000}
          disabled={!open}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={send}
          placeholder={t('consult.chat.placeholder')}
        />
        <Button onClick={send} disabled={!open || !text.trim()}>
          {t('consult.chat.send')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
