// The frame of every action on a case: a modal with its form, one button that confirms, the error
// said plainly if the action cannot be saved, and nothing saved on cancel.
import { useTranslation } from 'react-i18next';
import { Alert, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';

export interface ActionModalProps {
  title: string;
  okText: string;
  danger?: boolean;
  width?: number;
  onClose(): void;
  /** Runs the action; the modal closes when it succeeds and shows its error when not. */
  onConfirm(): Promise<Result<unknown> | 'invalid'>;
  children: ReactNode;
}

export function ActionModal({
  title,
  okText,
  danger,
  width,
  onClose,
  onConfirm,
  children,
}: ActionModalProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await onConfirm();
      if (r === 'invalid') return;
      if (r.ok) onClose();
      else setError(r.error.message);
    } catch (e) {
      setError(t('actions.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: danger ?? false, loading: busy }}
      onOk={() => void confirm()}
      onCancel={onClose}
      width={width ?? 560}
      destroyOnHidden
      maskClosable={false}
    >
      <form
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        {children}
        {/* Enter in a single-line field confirms, as on every form at the counter. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
