// 会商: the halls of the region, how many of their counters can take a call now, and a call button
// for a consultation that is not about one case.
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import type { PageProps } from '../../app/routes';
import { HUB_OFFLINE } from './consult-socket';
import { useConsult } from './use-consult';
import { useDirectory } from './use-directory';

export function HallDirectoryPage(_props: PageProps) {
  const { controller, state } = useConsult();
  const connected = state?.connected ?? false;
  const inCall = !!state?.call && state.call.phase !== 'ended';

  const { halls, error, refresh } = useDirectory(controller, connected);

  const myHall = controller?.me.hallId;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={3}>视频会商 · 营业厅</Typography.Title>
      {!connected ? (
        <Alert type="error" showIcon title={HUB_OFFLINE.message} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {state && !state.available && connected ? (
        <Alert
          type="info"
          showIcon
          title="本窗口当前不接听会商来电（登录人员的岗位不参与会商）。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card
        size="small"
        title="营业厅目录"
        extra={
          <Button size="small" onClick={refresh} disabled={!connected}>
            刷新
          </Button>
        }
      >
        <List
          dataSource={halls ?? []}
          locale={{ emptyText: connected ? '正在读取…' : '未连接中心' }}
          rowKey="hallId"
          renderItem={(h) => (
            <List.Item
              aria-label={h.name}
              actions={[
                <Button
                  key="call"
                  type="primary"
                  disabled={h.hallId === myHall || inCall || !connected}
                  onClick={() => void controller?.dial({ hallId: h.hallId }, false)}
                >
                  呼叫
                </Button>,
              ]}
            >
              <Space>
                <span>{h.name}</span>
                {h.hallId === myHall ? (
                  <Tag>本厅</Tag>
                ) : (
                  <Tag color={h.available > 0 ? 'green' : 'default'}>
                    可接听窗口 {h.available} 个
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
