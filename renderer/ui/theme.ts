// The counter's antd theme: the seed tokens every screen is drawn with (App.tsx's ConfigProvider),
// and that plain.tsx takes its colours from.

/**
 * Latin text in the system's UI font, Chinese in a CJK font named by its family: Microsoft YaHei on
 * Windows, PingFang SC on macOS, Noto Sans CJK SC or WenQuanYi Micro Hei on Linux. Unnamed (antd's
 * default list has none), the browser searches the system's fonts for every Chinese character it
 * has not drawn before, and a screen's first layout took two to three times as long.
 */
export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji'";

export const THEME_TOKEN = { colorPrimary: '#b5242b', fontFamily: FONT_FAMILY } as const;
