// Printing in the desktop shell: silently to the configured printer or to a PDF file. The print
// device is a fake here (printers and Electron's print calls do not exist on this machine).
import { describe, expect, it } from 'vitest';
import type { PrinterInfo } from '../../../shared/bridge';
import { pdfFileName, printerProblem, printFailure, printWith, silentPrintOptions, type PrintDevice } from '../../../electron/main/printing';

const NOW = new Date('2026-11-25T08:30:05.000Z');
const printers: PrinterInfo[] = [{ name: 'HP-LaserJet', displayName: 'HP LaserJet' }];

function device(overrides: Partial<PrintDevice> = {}): PrintDevice & { jobs: unknown[] } {
  const jobs: unknown[] = [];
  return {
    jobs,
    printers: async () => printers,
    printSilently: async (html, options) => (jobs.push({ html, options }), { success: true, failureReason: '' }),
    printToPdf: async () => new Uint8Array([37, 80, 68, 70]),
    writeFile: async (name) => `/docs/${name}`,
    ...overrides,
  };
}

describe('printing', () => {
  it('prints silently to the configured printer, the copies asked for', async () => {
    const d = device();
    expect(await printWith(d, { html: '<p>回执</p>', title: '回执', copies: 2 }, 'HP-LaserJet', NOW)).toEqual({ ok: true });
    expect(d.jobs).toEqual([{ html: '<p>回执</p>', options: { silent: true, printBackground: true, copies: 2, deviceName: 'HP-LaserJet' } }]);
    expect(silentPrintOptions({ html: 'x', title: 't' }, '')).toEqual({ silent: true, printBackground: true, copies: 1 });
  });

  it('writes a PDF named after the title and the time, safe on every file system', async () => {
    expect(await printWith(device(), { html: '<p/>', title: '准予许可决定书', toPdf: true }, '', NOW)).toEqual({ ok: true, pdfPath: '/docs/准予许可决定书-20261125-083005.pdf' });
    expect(pdfFileName('../..\\a:b*c?"<>|', NOW)).toBe('_.._a_b_c_-20261125-083005.pdf');
    expect(pdfFileName('...', NOW)).toBe('通办打印-20261125-083005.pdf');
    const failing = device({ printToPdf: async () => Promise.reject(new Error('renderer gone')) });
    expect(await printWith(failing, { html: '<p/>', title: 't', toPdf: true }, '')).toEqual({ ok: false, error: { code: 'PRINT_FAILED', message: '无法生成 PDF：renderer gone' } });
  });

  it('says which printer is missing, and what a failed job means', async () => {
    expect(printerProblem('', [])).toMatchObject({ ok: false, error: { code: 'NO_PRINTER', message: '本机未安装打印机：请连接打印机后重试，或选择“打印为 PDF”' } });
    expect(await printWith(device(), { html: 'x', title: 't' }, 'Kyocera')).toEqual({ ok: false, error: { code: 'NO_PRINTER', message: '找不到设置中的打印机“Kyocera”：请在“设置”中重新选择打印机' } });
    expect(printerProblem('', printers)).toBeNull();
    expect(printFailure('cancelled')).toEqual({ ok: false, error: { code: 'PRINT_CANCELLED', message: '打印已取消' } });
    const jammed = device({ printSilently: async () => ({ success: false, failureReason: 'Print job failed' }) });
    expect(await printWith(jammed, { html: 'x', title: 't' }, '')).toEqual({ ok: false, error: { code: 'PRINT_FAILED', message: '打印失败（Print job failed）：请检查打印机是否开机、缺纸或卡纸' } });
  });
});
