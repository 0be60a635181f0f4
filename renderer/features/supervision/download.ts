// Saving an export: the browser downloads it (the desktop shell asks where to save it).
import { XLSX_MIME } from './export-xlsx';

/** Saves bytes as a file the browser downloads (the desktop shell asks where to save it). */
export function download(bytes: ArrayBuffer, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
