// The status bar: online or not, what waits in the outbox, the last sync, refused events.
import { Badge, Button, List, Modal, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, startTransition, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/sync';
import { db } from '../data/db';
import { onSyncStatus } from '../data/sync-client';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../i18n';
import { eventLabel } from '../i18n/labels';

/** Memoised: it has no props, and the frame draws again at every change of screen. */
export const StatusBar = memo(function StatusBar() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [showRefused, setShowRefused] = useState(false);
  // The dialog is mounted from its opening until its closing has ended (antd gives the focus back
  // then): closed, antd's Modal still drew at every change of the outbox, that is every acceptance.
  const [refusedMounted, setRefusedMounted] = useState(false);
  // In a transition: while a new counter downloads, the status changes several times a second, and
  // as an ordinary update it was drawn with the next click's screen, in that click's task.
  useEffect(() => onSyncStatus((s) => startTransition(() => setStatus(s))), []);
  const pending = useLiveQuery(() => db().outbox.where('state').equals('pending').count(), [], 0);
  const refused = useLiveQuery(() => db().outbox.where('state').equals('rejected').toArray(), [], []);
  const online = status?.online ?? false;
  return (
    <div role="status" aria-label={t('status.label')} style={{ display: 'flex', gap: 24, alignItems: 'center', padding: '4px 16px', borderTop: '1px solid #e8e8e8', background: '#fafafa', fontSize: 13 }}>
      <Badge status={online ? 'success' : 'error'} text={online ? t('status.online') : t('status.offline')} />
      <span>{t('status.pending', { count: pending })}</span>
      <span>{t('status.lastSync', { time: status?.lastSyncAt ? formatTime(status.lastSyncAt) : t('status.neverSynced') })}</span>
      {status?.pulling && status.bootstrap.heads && !status.bootstrap.heads.done ? (
        <span>{t('status.listing', { count: status.bootstrap.heads.cases })}</span>
      ) : status?.pulling && status.bootstrap.head ? (
        <span>{t('status.downloading', { received: status.bootstrap.received, head: status.bootstrap.head })}</span>
      ) : null}
      {status?.lastError && !online ? <Typography.Text type="secondary">{status.lastError.message}</Typography.Text> : null}
      {refused.length > 0 && (
        <Button
          size="small"
          danger
          onClick={() => {
            setRefusedMounted(true);
            setShowRefused(true);
          }}
        >
          {t('status.refused', { count: refused.length })}
        </Button>
      )}
      {refusedMounted ? (
        <Modal title={t('status.refusedTitle')} open={showRefused} onCancel={() => setShowRefused(false)} afterClose={() => setRefusedMounted(false)} footer={null} width={640}>
          <List
            dataSource={refused}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {eventLabel(r.event.type)} · {formatDateTime(r.event.at)}
                  </Typography.Text>
                  <Typography.Text type="danger">{r.reason?.message}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Modal>
      ) : null}
    </div>
  );
});
