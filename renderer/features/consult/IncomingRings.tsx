// 视频会商来电: every call ringing this counter, with who calls, from which hall, about which case.
import { Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';
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
  const { t } = useTranslation();
  const left = useSecondsLeft(ring.deadline);
  const who = t('consult.ring.caller', { hall: hallLabel(ring.caller.hallId), name: ring.caller.name, device: ring.caller.deviceCode });
  return (
    <List.Item
      aria-label={t('consult.ring.label', { who })}
      actions={[
        <Button key="answer" type="primary" onClick={() => void controller.answer(ring)}>
          {t('consult.ring.answer')}
        </Button>,
        <Button key="decline" onClick={() => void controller.decline(ring)}>
          {t('consult.ring.decline')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={2}>
        <Typography.Text strong>{t('consult.ring.asks', { who })}</Typography.Text>
        {ring.case ? (
          <span>
            <Trans
              i18nKey="consult.ring.caseNo"
              values={{ caseNo: ring.case.caseNo }}
              components={{ caseNo: <span style={{ fontFamily: 'monospace' }} /> }}
            />
          </span>
        ) : (
          <Typography.Text type="secondary">{t('consult.ring.noCase')}</Typography.Text>
        )}
        <Space size={4}>
          <Tag>{t('consult.ring.left', { seconds: left })}</Tag>
          <Tag>{ring.consent ? t('consult.ring.consent') : t('consult.ring.noRecording')}</Tag>
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
  const { t } = useTranslation();
  return (
    <Modal
      open={rings.length > 0}
      title={t('consult.ring.title')}
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
