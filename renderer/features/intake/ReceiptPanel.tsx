// After acceptance: the receipt as it prints, 打印回执 through the shell, and the way to the next applicant.
import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { platform } from '../../platform/platform';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { receiptBody, receiptDocument, RECEIPT_TITLE, type ReceiptData } from '../../ui/print/receipt';
import { useShortcuts } from './keyboard';
import { RateAfterReceipt } from '../rating/RateButton';

export function ReceiptPanel({ receipt, onNext }: { receipt: ReceiptData; onNext: () => void }) {
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
                已受理
              </Typography.Title>
              <Typography.Text>
                办件编号 <Typography.Text strong copyable>{receipt.caseNo}</Typography.Text>，查询码 <Typography.Text strong>{receipt.queryCode}</Typography.Text>
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">已保存在本机；联网时自动上传中心，由{receipt.item.homeHallName}审核。</Typography.Text>
            </div>
          </Space>
          <Space>
            <Button ref={printButton} type="primary" icon={<PrinterOutlined aria-hidden="true" />} onClick={() => void print()} aria-keyshortcuts="Control+P">
              打印回执
            </Button>
            <RateAfterReceipt caseNo={receipt.caseNo} />
            <Button onClick={onNext} aria-keyshortcuts="Alt+N">
              下一位申请人
            </Button>
          </Space>
        </Space>
        {printed && <Typography.Text type="success">回执已发送到打印机。</Typography.Text>}
      </Card>
      <PrintPreview label={RECEIPT_TITLE} body={receiptBody(receipt)} />
    </div>
  );
}
