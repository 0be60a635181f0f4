// The app's own stylesheets, put in the head once at start-up, while the page is still empty: the
// page's margin, the plain elements' (plain.tsx) and the printable papers' (print/html.ts). Inserted by the first
// screen that used them, as they were, each made the browser restyle the whole page inside that
// screen's first task (the frame's after the login, the receipt's, the case list's).
import { DOC_CSS } from './print/html';
import { plainCss } from './plain';
import { FONT_FAMILY } from './theme';

export function installStaticStyles(): void {
  const sheets: [string, string][] = [
    // The frame fills the window (the browser's 8 px body margin framed it in white); text outside
    // antd's components in the theme's fonts too.
    ['tongban-base', `body{margin:0;font-family:${FONT_FAMILY}}`],
    ['tongban-plain', plainCss()],
    ['tongban-doc', DOC_CSS],
  ];
  for (const [id, css] of sheets) {
    if (document.getElementById(id)) continue;
    const style = document.createElement('style');
    style.id = id;
    style.textContent = css;
    document.head.append(style);
  }
}
