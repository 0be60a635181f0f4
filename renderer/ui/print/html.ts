// Building printable HTML documents from our own data: escaping, the page frame and its styles.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** The styles every printed paper shares, scoped to `.tb-doc` so an on-screen preview can use them too. */
export const DOC_CSS = `
.tb-doc { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #111; font-size: 13px; line-height: 1.6; max-width: 180mm; margin: 0 auto; }
.tb-doc h1 { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif; font-size: 22px; letter-spacing: 4px; text-align: center; margin: 0 0 4px; }
.tb-doc .tb-sub { text-align: center; color: #444; margin: 0 0 12px; }
.tb-doc table { width: 100%; border-collapse: collapse; margin: 8px 0; }
.tb-doc th, .tb-doc td { border: 1px solid #333; padding: 4px 8px; text-align: left; vertical-align: top; }
.tb-doc th { background: #f3f3f3; font-weight: 600; white-space: nowrap; width: 7em; }
.tb-doc thead th { width: auto; }
.tb-doc .tb-mono { font-family: "DejaVu Sans Mono", Consolas, monospace; letter-spacing: 1px; }
.tb-doc .tb-strong { font-size: 16px; font-weight: 700; }
.tb-doc .tb-note { color: #444; font-size: 12px; }
.tb-doc .tb-sign { display: flex; justify-content: space-between; margin-top: 16px; }
.tb-doc .tb-flag { border: 1px solid #b5242b; color: #b5242b; padding: 0 4px; margin-left: 4px; font-size: 12px; }
.tb-doc ol { margin: 4px 0; padding-left: 22px; }
`;

const PAGE_CSS = `
@page { size: A4; margin: 15mm; }
html, body { margin: 0; padding: 0; background: #fff; }
`;

/** A complete HTML document for the bridge's print call. */
export function printDocument(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}${DOC_CSS}</style></head><body>${body}</body></html>`;
}

/** `2026-11-25T08:30:00.000Z` → `2026年11月25日 16:30` (Beijing time). */
export function beijingDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${p(d.getUTCMonth() + 1)}月${p(d.getUTCDate())}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** `2026-12-02` → `2026年12月02日`. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${m}月${d}日`;
}
