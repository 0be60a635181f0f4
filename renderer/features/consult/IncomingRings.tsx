// 视频会商来电: every call ringing this counter, with who calls, from which hall, about which case.
import { Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { hallName } from '../../../shared/halls';
import type { ConsultController, IncomingRing } from './controller';

function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

function Ring({ ring, controller }: { ring: IncomingRing; controller: ConsultController }) {
  const left = useSecondsLeft(ring.deadline);
  const who = `${hallName(ring.caller.hallId)} ${ring.caller.name}（${ring.caller.deviceCode}）`;
  return (
    <List.Item
      aria-label={`来自${who}的视频会商`}
      actions={[
        <Button key="answer" type="primary" onClick={() => void controller.answer(ring)}>
          接听
        </Button>,
        <Button key="decline" onClick={() => void controller.decline(ring)}>
          拒接
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={2}>
        <Typography.Text strong>{who} 请求视频会商</Typography.Text>
        {ring.case ? (
          <span>
            办件编号：<span style={{ fontFamily: 'monospace' }}>{ring.case.caseNo}</span>
          </span>
        ) : (
          <Typography.Text type="secondary">未关联办件</Typography.Text>
        )}
        <Space size={4}>
          <Tag>剩余 {left} 秒</Tag>
          <Tag>{ring.consent ? '申请人已同意录像（仅在管理员允许时录像）' : '不录像'}</Tag>
        </Space>
      </Space>
    </List.Item>
  );
}

export function IncomingRings({
  controller,
  rings,
}: {
  controller: ConsultController;
  rings: readonly IncomingRing[];
}) {
  return (
    <Modal
      open={rings.length > 0}
      title="视频会商来电"
      footer={null}
      closable={false}
      mask={{ closable: false }}
      width={560}
    >
      <List
        dataSource={[...rings]}
        rowKey="consultId"
        renderItem={(ring) => <Ring ring={ring} controller={controller} />}
      />
    </Modal>
  );
}
