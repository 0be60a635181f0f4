// 发起视频会商: choose the hall (with how many of its counters can answer now) and record whether
// the applicant agrees to recording, then call.
import { Alert, Checkbox, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { HUB_OFFLINE } from './consult-socket';
import type { DialTarget } from './controller';
import { useConsult } from './use-consult';
import { useDirectory } from './use-directory';

interface Props {
  /** The case the call is about, when dialled from a case. */
  caseTarget?: DialTarget['case'];
  /** The hall to preselect. */
  suggestedHallId?: string | undefined;
  onClose: () => void;
}

export function DialDialog({ caseTarget, suggestedHallId, onClose }: Props) {
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
      title="发起视频会商"
      okText="呼叫"
      cancelText="取消"
      onOk={call}
      onCancel={onClose}
      okButtonProps={{ disabled: !connected || !hallId || hallId === myHall }}
    >
      {!connected ? (
        <Alert type="error" showIcon title={HUB_OFFLINE.message} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" component="div">
        {caseTarget ? (
          <Typography.Paragraph>
            关于办件 <span style={{ fontFamily: 'monospace' }}>{caseTarget.ref.caseNo}</span>（
            {caseTarget.summary.itemName}）
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          label="呼叫营业厅"
          htmlFor="consult-hall"
          extra="振铃的是该厅已登录、可接听的全部窗口，先接听者接通。"
        >
          <Select
            id="consult-hall"
            value={hallId}
            onChange={setHallId}
            placeholder="选择营业厅"
            loading={connected && !halls && !error}
            options={(halls ?? []).map((h) => ({
              value: h.hallId,
              disabled: h.hallId === myHall,
              label:
                h.hallId === myHall
                  ? `${h.name}（本厅）`
                  : `${h.name}（可接听窗口 ${h.available} 个）`,
            }))}
          />
        </Form.Item>
        {caseTarget ? (
          <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
            申请人同意本次会商录像（仅当管理员也允许录像时才会录像）
          </Checkbox>
        ) : null}
      </Form>
    </Modal>
  );
}
