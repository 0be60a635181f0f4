// 会商: the halls of the region, how many of their counters can take a call now, and a call button
// for a consultation that is not about one case.
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/routes';
import { hubOffline } from './consult-socket';
import { useConsult } from './use-consult';
import { directoryHallName, useDirectory } from './use-directory';

export function HallDirectoryPage(_props: PageProps) {
  const { t } = useTranslation();
  const { controller, state } = useConsult();
  const connected = state?.connected ?? false;
  const inCall = !!state?.call && state.call.phase !== 'ended';

  const { halls, error, refresh } = useDirectory(controller, connected);

  const myHall = controller?.me.hallId;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={3}>{t('consult.directory.title')}</Typography.Title>
      {!connected ? (
        <Alert type="error" showIcon title={hubOffline().message} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {state && !state.available && connected ? (
        <Alert
          type="info"
          showIcon
          title={t('consult.directory.notAnswering')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card
        size="small"
        title={t('consult.directory.halls')}
        extra={
          <Button size="small" onClick={refresh} disabled={!connected}>
            {t('consult.directory.refresh')}
          </Button>
        }
      >
        <List
          dataSource={halls ?? []}
          locale={{ emptyText: connected ? t('consult.directory.loading') : t('consult.directory.offline') }}
          rowKey="hallId"
          renderItem={(h) => (
            <List.Item
              aria-label={directoryHallName(h)}
              actions={[
                <Button
                  key="call"
                  type="primary"
                  disabled={h.hallId === myHall || inCall || !connected}
                  onClick={() => void controller?.dial({ hallId: h.hallId }, false)}
                >
                  {t('consult.directory.call')}
                </Button>,
              ]}
            >
              <Space>
                <span>{directoryHallName(h)}</span>
                {h.hallId === myHall ? (
                  <Tag>{t('consult.directory.ownHall')}</Tag>
                ) : (
                  <Tag color={h.available > 0 ? 'green' : 'default'}>
                    {t('consult.directory.available', { available: h.available })}
                  </Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
