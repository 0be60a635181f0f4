// The counter's antd theme: the seed tokens every screen is drawn with (App.tsx's ConfigProvider),
// and that plain.tsx takes its colours from.
export const THEME_TOKEN = { colorPrimary: '#b5242b' } as const;
