// 发起视频会商: choose the hall (with how many of its counters can answer now) and record whether
// the applicant agrees to recording, then call.
import { Alert, Checkbox, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { hubOffline } from './consult-socket';
import type { DialTarget } from './controller';
import { useConsult } from './use-consult';
import { directoryHallName, useDirectory } from './use-directory';

interface Props {
  /** The case the call is about, when dialled from a case. */
  caseTarget?: DialTarget['case'];
  /** The hall to preselect. */
  suggestedHallId?: string | undefined;
  onClose: () => void;
}

export function DialDialog({ caseTarget, suggestedHallId, onClose }: Props) {
  const { t } = useTranslation();
  const { controller, state } = useConsult();
  const [hallId, setHallId] = useState<string | undefined>(suggestedHallId);
  const [consent, setConsent] = useState(false);
  const connected = state?.connected ?? false;
  const myHall = controller?.me.hallId;

  const { halls, error } = useDirectory(controller, connected);

  const call = () => {
    if (!controller || !hallId) return;
    onClose();
    void controller.dial({ hallId, ...(caseTarget ? { case: caseTarget } : {}) }, consent);
  };

  return (
    <Modal
      open
      title={t('consult.dial.title')}
      okText={t('consult.dial.ok')}
      cancelText={t('common.cancel')}
      onOk={call}
      onCancel={onClose}
      okButtonProps={{ disabled: !connected || !hallId || hallId === myHall }}
    >
      {!connected ? (
        <Alert type="error" showIcon title={hubOffline().message} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" component="div">
        {caseTarget ? (
          <Typography.Paragraph>
            <Trans
              i18nKey="consult.dial.about"
              values={{ caseNo: caseTarget.ref.caseNo, item: caseTarget.summary.itemName }}
              components={{ caseNo: <span style={{ fontFamily: 'monospace' }} /> }}
            />
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          label={t('consult.dial.hall')}
          htmlFor="consult-hall"
          extra={t('consult.dial.hallHelp')}
        >
          <Select
            id="consult-hall"
            value={hallId}
            onChange={setHallId}
            placeholder={t('consult.dial.hallPlaceholder')}
            loading={connected && !halls && !error}
            options={(halls ?? []).map((h) => ({
              value: h.hallId,
              disabled: h.hallId === myHall,
              label:
                h.hallId === myHall
                  ? t('consult.dial.ownHall', { hall: directoryHallName(h) })
                  : t('consult.dial.hallOption', { hall: directoryHallName(h), available: h.available }),
            }))}
          />
        </Form.Item>
        {caseTarget ? (
          <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
            {t('consult.dial.consent')}
          </Checkbox>
        ) : null}
      </Form>
    </Modal>
  );
}
