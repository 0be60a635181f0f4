// After acceptance: the receipt as it prints, 打印回执 through the shell, and the way to the next applicant.
// Drawn while the clerk waits for it, so in plain elements where antd's would cost (renderer/ui/plain.tsx):
// the heading and texts; the buttons stay antd's.
import { CheckCircleFilled, CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { platform } from '../../platform/platform';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { receiptBody, receiptDocument, RECEIPT_TITLE, type ReceiptData } from '../../ui/print/receipt';
import { useShortcuts } from './keyboard';
import { RateAfterReceipt } from '../rating/RateButton';

export function ReceiptPanel({ receipt, onNext }: { receipt: ReceiptData; onNext: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const printButton = useRef<HTMLButtonElement>(null);
  const [printed, setPrinted] = useState(false);
  useEffect(() => printButton.current?.focus(), []);

  const print = async () => {
    const r = await platform().print({ html: receiptDocument(receipt), title: `${RECEIPT_TITLE} ${receipt.caseNo}` });
    if (r.ok) setPrinted(true);
    else if (r.error.code !== 'PRINT_CANCELLED') message.error(r.error.message);
    printButton.current?.focus();
  };
  useShortcuts([{ keys: 'Ctrl+P', run: () => void print() }]);

  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
            <CheckCircleFilled style={{ color: '#52c41a', fontSize: 28, marginTop: 4 }} aria-hidden="true" />
            <div>
              <h4 className="tb-h4">{t('intake.accepted')}</h4>
              <div>
                <Trans
                  i18nKey="intake.receiptLine"
                  values={{ caseNo: receipt.caseNo, queryCode: receipt.queryCode }}
                  components={{ caseNo: <Copyable text={receipt.caseNo} />, code: <strong className="tb-bold" /> }}
                />
              </div>
              <div className="tb-secondary">{t('intake.savedLocally', { hall: receipt.item.homeHallName })}</div>
            </div>
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <Button ref={printButton} type="primary" icon={<PrinterOutlined aria-hidden="true" />} onClick={() => void print()} aria-keyshortcuts="Control+P">
              {t('intake.printReceipt')}
            </Button>
            <RateAfterReceipt caseNo={receipt.caseNo} />
            <Button onClick={onNext} aria-keyshortcuts="Alt+N">
              {t('intake.nextApplicant')}
            </Button>
          </div>
        </div>
        {printed && <div className="tb-success">{t('intake.printed')}</div>}
      </Card>
      <PrintPreview label={RECEIPT_TITLE} body={receiptBody(receipt)} />
    </div>
  );
}

/** The case number in bold, with a button that copies it (as Typography's `copyable`, without its tooltip and size watching). */
function Copyable({ text, children }: { text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = () =>
    // In a promise: a page without the clipboard API (not a secure context) throws at once.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => message.success(t('intake.caseNoCopied', { caseNo: text })),
        () => message.error(t('intake.copyFailed')),
      );
  return (
    <>
      <strong className="tb-bold">{children}</strong>
      <button type="button" className="tb-icon-button" aria-label={t('intake.copyCaseNo')} title={t('intake.copyCaseNo')} onClick={() => void copy()}>
        <CopyOutlined aria-hidden="true" />
      </button>
    </>
  );
}
