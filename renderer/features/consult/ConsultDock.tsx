// Video consultation in the logged-in frame: the line to the hub while a staff member is logged in
// (so this counter rings for its hall), the ring dialog, the call panel, and what went wrong.
import { App, Modal, Typography } from 'antd';
import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/session-context';
import { deviceSigner } from '../../data/device';
import { appendEvent } from '../../data/sync-client';
import { platform } from '../../platform/platform';
import { CallPanel } from './CallPanel';
import { ConsultController } from './controller';
import { IncomingRings } from './IncomingRings';
import { setConsultController, useConsult } from './use-consult';

/** Memoised: it has no props, and the frame draws again at every change of screen. */
export const ConsultDock = memo(function ConsultDock() {
  const { device, session } = useApp();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const { controller, state } = useConsult();

  useEffect(() => {
    let made: ConsultController | null = null;
    let gone = false;
    void deviceSigner().then((sign) => {
      if (gone) return;
      made = new ConsultController({
        hubUrl: device.hubUrl,
        deviceId: device.deviceId,
        deviceCode: device.deviceCode,
        sign,
        staff: session.staff,
        devices: async () => {
          const s = await platform().getSettings();
          return { cameraId: s.cameraDeviceId, microphoneId: s.microphoneDeviceId };
        },
        append: appendEvent,
      });
      setConsultController(made);
      made.start();
    });
    return () => {
      gone = true;
      made?.stop();
      setConsultController(null);
    };
  }, [device, session]);

  const notice = state?.notice ?? null;
  useEffect(() => {
    if (!notice) return;
    void message.info(notice);
    controller?.dismiss();
  }, [notice, message, controller]);

  if (!controller || !state) return null;
  return (
    <>
      <IncomingRings controller={controller} rings={state.incoming} />
      {state.call ? <CallPanel controller={controller} call={state.call} /> : null}
      <Modal
        open={!!state.problem}
        title={t('consult.problemTitle')}
        onOk={() => controller.dismiss()}
        onCancel={() => controller.dismiss()}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('consult.problemOk')}
      >
        <Typography.Paragraph role="alert">{state.problem}</Typography.Paragraph>
      </Modal>
    </>
  );
});
