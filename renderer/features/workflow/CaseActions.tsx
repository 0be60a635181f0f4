// What this staff member can do to the case now: only the actions the shared rules allow for their
// role, their hall's relation to the case and its state, the same rules the hub enforces.
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Item } from '../../../shared/catalog/item-schema';
import type { CaseView } from '../../../shared/case/projection';
import type { EventType } from '../../../shared/protocol/events';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { HandoverModal, PrintCertificateModal } from './DeliveryModals';
import { ApproveModal, CorrectionRequestModal, RejectModal } from './ReviewModals';
import { NoteModal, WithdrawModal } from './SimpleModals';
import { nextStepText } from './next-step';
import { useActor } from './use-actor';
import { CaseSupervision } from '../supervision/CaseSupervision';

type ModalKind = 'correction' | 'approve' | 'reject' | 'print' | 'deliver' | 'withdraw' | 'note';

interface ActionButton {
  type: EventType;
  label: string;
  kind: 'primary' | 'default' | 'danger';
  open: ModalKind | 'review' | 'resubmit';
}

const BUTTONS: ActionButton[] = [
  { type: 'case.review_started', label: '开始审核', kind: 'primary', open: 'review' },
  { type: 'case.approved', label: '审核通过', kind: 'primary', open: 'approve' },
  { type: 'case.correction_requested', label: '要求补正', kind: 'default', open: 'correction' },
  { type: 'case.rejected', label: '不予办理', kind: 'danger', open: 'reject' },
  { type: 'case.correction_submitted', label: '办理补正', kind: 'primary', open: 'resubmit' },
  { type: 'case.printed', label: '打印证照', kind: 'primary', open: 'print' },
  { type: 'case.delivered', label: '交付证照', kind: 'primary', open: 'deliver' },
  { type: 'case.withdrawn', label: '撤回申请', kind: 'danger', open: 'withdraw' },
  { type: 'case.note_added', label: '添加备注', kind: 'default', open: 'note' },
];

export function CaseActions({
  view,
  item,
  navigate,
}: {
  view: CaseView;
  item: Item | undefined;
  navigate: PageProps['navigate'];
}) {
  const { device } = useApp();
  const { message } = App.useApp();
  const actor = useActor();
  const [open, setOpen] = useState<ModalKind | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = new Set(actor.actions(view));
  const buttons = BUTTONS.filter((b) => allowed.has(b.type));

  const click = async (b: ActionButton) => {
    if (b.open === 'resubmit') return navigate('correction', view.caseId);
    if (b.open !== 'review') return setOpen(b.open);
    setBusy(true);
    const r = await actor.act(view, 'case.review_started', {});
    setBusy(false);
    if (r.ok) message.success('已开始审核');
    else message.error(r.error.message);
  };
  const close = () => setOpen(null);
  const props = { view, item, actor, onClose: close };

  return (
    <Card title="办理" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{nextStepText(view, device.hallId)}</Typography.Text>
        {buttons.length > 0 ? (
          <Space wrap role="group" aria-label="可进行的操作">
            {buttons.map((b) => (
              <Button
                key={b.type}
                type={b.kind === 'primary' ? 'primary' : 'default'}
                danger={b.kind === 'danger'}
                loading={busy && b.open === 'review'}
                onClick={() => void click(b)}
              >
                {b.type === 'case.printed' && view.prints.length > 0 ? '补打证照' : b.label}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">本岗位对该办件暂无可进行的操作。</Typography.Text>
        )}
      </Space>
      {open === 'correction' && <CorrectionRequestModal {...props} />}
      {open === 'approve' && <ApproveModal {...props} />}
      {open === 'reject' && <RejectModal {...props} />}
      {open === 'print' && <PrintCertificateModal {...props} />}
      {open === 'deliver' && <HandoverModal {...props} />}
      {open === 'withdraw' && <WithdrawModal {...props} />}
      {open === 'note' && <NoteModal {...props} />}
      <CaseSupervision view={view} />
    </Card>
  );
}
