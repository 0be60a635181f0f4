// Printing receipts, notices and certificates: silently to the configured printer, or to a PDF file.
// The HTML is loaded into a hidden, sandboxed window with JavaScript off; the rules around it (file
// names, options, what a failure means) are plain functions.
import type { PrinterInfo as ElectronPrinter, WebContentsPrintOptions } from 'electron';
import type { PrinterInfo, PrintOutcome, PrintRequest } from '../../shared/bridge';

/** A file name for the PDF of a printout: the title made safe on every file system, and the time. */
export function pdfFileName(title: string, now: Date): string {
  // eslint-disable-next-line no-control-regex
  const safe = title.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80) || '通办打印';
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
  return `${safe}-${stamp}.pdf`;
}

export function silentPrintOptions(request: PrintRequest, printer: string): WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: true,
    copies: request.copies ?? 1,
    ...(printer ? { deviceName: printer } : {}),
  };
}

/** The configured printer must exist; an empty setting means the system default, which must exist too. */
export function printerProblem(printer: string, available: readonly PrinterInfo[]): PrintOutcome | null {
  if (available.length === 0) return { ok: false, error: { code: 'NO_PRINTER', message: '本机未安装打印机：请连接打印机后重试，或选择“打印为 PDF”' } };
  if (printer && !available.some((p) => p.name === printer)) {
    return { ok: false, error: { code: 'NO_PRINTER', message: `找不到设置中的打印机“${printer}”：请在“设置”中重新选择打印机` } };
  }
  return null;
}

/** Electron's failure reason of webContents.print, as a clerk reads it. */
export function printFailure(reason: string): PrintOutcome {
  if (/cancel/i.test(reason)) return { ok: false, error: { code: 'PRINT_CANCELLED', message: '打印已取消' } };
  return { ok: false, error: { code: 'PRINT_FAILED', message: `打印失败（${reason || '原因不明'}）：请检查打印机是否开机、缺纸或卡纸` } };
}

export function toPrinterInfo(p: ElectronPrinter): PrinterInfo {
  return { name: p.name, displayName: p.displayName || p.name };
}

/** How printing reaches the machine: Electron in the app, a fake in tests. */
export interface PrintDevice {
  printers(): Promise<PrinterInfo[]>;
  /** Resolves with Electron's (success, failureReason). */
  printSilently(html: string, options: WebContentsPrintOptions): Promise<{ success: boolean; failureReason: string }>;
  printToPdf(html: string): Promise<Uint8Array>;
  writeFile(name: string, bytes: Uint8Array): Promise<string>;
}

export async function printWith(device: PrintDevice, request: PrintRequest, printer: string, now = new Date()): Promise<PrintOutcome> {
  if (request.toPdf) {
    try {
      const pdf = await device.printToPdf(request.html);
      return { ok: true, pdfPath: await device.writeFile(pdfFileName(request.title, now), pdf) };
    } catch (err) {
      return { ok: false, error: { code: 'PRINT_FAILED', message: `无法生成 PDF：${err instanceof Error ? err.message : String(err)}` } };
    }
  }
  const problem = printerProblem(printer, await device.printers());
  if (problem) return problem;
  const r = await device.printSilently(request.html, silentPrintOptions(request, printer));
  return r.success ? { ok: true } : printFailure(r.failureReason);
}
