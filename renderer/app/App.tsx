// The application frame. The screens arrive with the counter app issue; this is the skeleton.
import { useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Descriptions, Layout, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { AppInfo } from '../../shared/bridge';
import { platform } from '../platform/platform';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b5242b' } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ color: '#fff', fontSize: 18 }}>通办 · 京津冀跨区域通办柜台</Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Typography.Title level={3}>欢迎使用通办</Typography.Title>
            <Button type="primary" onClick={() => void platform().appInfo().then(setInfo)}>
              查看版本信息
            </Button>
            {info && (
              <Descriptions style={{ marginTop: 16 }} bordered column={1} title="版本信息">
                <Descriptions.Item label="应用">{info.name}</Descriptions.Item>
                <Descriptions.Item label="版本">{info.version}</Descriptions.Item>
                <Descriptions.Item label="运行环境">{info.shell === 'web' ? '浏览器' : '桌面客户端'}</Descriptions.Item>
              </Descriptions>
            )}
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
