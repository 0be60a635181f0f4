// The status bar: online or not, what waits in the outbox, the last sync, refused events.
import { Badge, Button, List, Modal, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/sync';
import { EVENT_LABELS } from '../../shared/protocol/events';
import { db } from '../data/db';
import { onSyncStatus } from '../data/sync-client';

const time = (ms: number | null) => (ms ? new Date(ms).toLocaleTimeString('zh-CN', { hour12: false }) : '尚未同步');

export function StatusBar() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [showRefused, setShowRefused] = useState(false);
  useEffect(() => onSyncStatus(setStatus), []);
  const pending = useLiveQuery(() => db().outbox.where('state').equals('pending').count(), [], 0);
  const refused = useLiveQuery(() => db().outbox.where('state').equals('rejected').toArray(), [], []);
  const online = status?.online ?? false;
  return (
    <div role="status" aria-label="同步状态" style={{ display: 'flex', gap: 24, alignItems: 'center', padding: '4px 16px', borderTop: '1px solid #e8e8e8', background: '#fafafa', fontSize: 13 }}>
      <Badge status={online ? 'success' : 'error'} text={online ? '已连接中心' : '离线'} />
      <span>待上传：{pending}</span>
      <span>上次同步：{time(status?.lastSyncAt ?? null)}</span>
      {status?.pulling && status.bootstrap.head ? <span>正在下载办件：{status.bootstrap.received} / {status.bootstrap.head}</span> : null}
      {status?.lastError && !online ? <Typography.Text type="secondary">{status.lastError.message}</Typography.Text> : null}
      {refused.length > 0 && (
        <Button size="small" danger onClick={() => setShowRefused(true)}>
          被中心退回：{refused.length}
        </Button>
      )}
      <Modal title="被中心退回的操作" open={showRefused} onCancel={() => setShowRefused(false)} footer={null} width={640}>
        <List
          dataSource={refused}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {EVENT_LABELS[r.event.type]} · {new Date(r.event.at).toLocaleString('zh-CN', { hour12: false })}
                </Typography.Text>
                <Typography.Text type="danger">{r.reason?.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}
