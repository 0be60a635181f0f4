// Printing in a plain browser: the HTML in a hidden iframe, then the browser's own print dialog.
import type { PrintOutcome, PrintRequest } from '../../shared/bridge';

export function printWithDialog(request: PrintRequest): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
    frame.srcdoc = request.html;
    frame.onload = () => {
      const win = frame.contentWindow;
      if (!win) {
        frame.remove();
        resolve({ ok: false, error: { code: 'PRINT_FAILED', message: '无法打开打印页面' } });
        return;
      }
      win.document.title = request.title;
      win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
      win.focus();
      win.print();
      resolve({ ok: true });
    };
    document.body.appendChild(frame);
  });
}
