// After acceptance: the receipt as it prints, 打印回执 through the shell, and the way to the next applicant.
import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
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
        <Space align="start" size={16} style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space align="start" size={12}>
            <CheckCircleFilled style={{ color: '#52c41a', fontSize: 28, marginTop: 4 }} aria-hidden="true" />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('intake.accepted')}
              </Typography.Title>
              <Typography.Text>
                <Trans
                  i18nKey="intake.receiptLine"
                  values={{ caseNo: receipt.caseNo, queryCode: receipt.queryCode }}
                  components={{ caseNo: <Typography.Text strong copyable />, code: <Typography.Text strong /> }}
                />
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('intake.savedLocally', { hall: receipt.item.homeHallName })}</Typography.Text>
            </div>
          </Space>
          <Space>
            <Button ref={printButton} type="primary" icon={<PrinterOutlined aria-hidden="true" />} onClick={() => void print()} aria-keyshortcuts="Control+P">
              {t('intake.printReceipt')}
            </Button>
            <RateAfterReceipt caseNo={receipt.caseNo} />
            <Button onClick={onNext} aria-keyshortcuts="Alt+N">
              {t('intake.nextApplicant')}
            </Button>
          </Space>
        </Space>
        {printed && <Typography.Text type="success">{t('intake.printed')}</Typography.Text>}
      </Card>
      <PrintPreview label={RECEIPT_TITLE} body={receiptBody(receipt)} />
    </div>
  );
}
