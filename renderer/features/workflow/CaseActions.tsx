// What this staff member can do to the case now: only the actions the shared rules allow for their
// role, their hall's relation to the case and its state, the same rules the hub enforces.
import { useTranslation } from 'react-i18next';
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
  kind: 'primary' | 'default' | 'danger';
  open: ModalKind | 'review' | 'resubmit';
}

const BUTTONS: ActionButton[] = [
  { type: 'case.review_started', kind: 'primary', open: 'review' },
  { type: 'case.approved', kind: 'primary', open: 'approve' },
  { type: 'case.correction_requested', kind: 'default', open: 'correction' },
  { type: 'case.rejected', kind: 'danger', open: 'reject' },
  { type: 'case.correction_submitted', kind: 'primary', open: 'resubmit' },
  { type: 'case.printed', kind: 'primary', open: 'print' },
  { type: 'case.delivered', kind: 'primary', open: 'deliver' },
  { type: 'case.withdrawn', kind: 'danger', open: 'withdraw' },
  { type: 'case.note_added', kind: 'default', open: 'note' },
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
  const { t } = useTranslation();
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
    if (r.ok) message.success(t('workflow.reviewStarted'));
    else message.error(r.error.message);
  };
  const close = () => setOpen(null);
  const props = { view, item, actor, onClose: close };

  return (
    <Card title={t('workflow.card')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{nextStepText(view, device.hallId)}</Typography.Text>
        {buttons.length > 0 ? (
          <Space wrap role="group" aria-label={t('workflow.actions')}>
            {buttons.map((b) => (
              <Button
                key={b.type}
                type={b.kind === 'primary' ? 'primary' : 'default'}
                danger={b.kind === 'danger'}
                loading={busy && b.open === 'review'}
                onClick={() => void click(b)}
              >
                {b.type === 'case.printed' && view.prints.length > 0 ? t('workflow.reprint') : t(`workflow.action.${b.open}`)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('workflow.none')}</Typography.Text>
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
