// The counter UI's entry: React root, Ant Design in zh-CN.
// Ant Design's components drawn from its prebuilt stylesheet (the frame's ConfigProvider runs it
// with zeroRuntime): made at run time, each component's styles cost the first screen that drew it
// some 10–35 ms of hashing and insertion in its commit (the frame's after the login, the case
// list's, the login screen's). The theme's values still come at run time, as CSS variables.
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installStaticStyles } from './ui/static-styles';

installStaticStyles();

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
