// This counter's settings: the document camera (with a live check) and the printer, kept by the shell.
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Capabilities, CounterSettings } from '../../../shared/bridge';
import type { PageProps } from '../../app/routes';
import { platform } from '../../platform/platform';
import { CameraPreview } from './CameraPreview';
import { MicrophoneCard } from './MicrophoneCard';
import { cameraErrorMessage, listCameras, openCamera, stopCamera } from './camera';

const SYSTEM_DEFAULT = '';

export function SettingsPage(_props: PageProps) {
  const { message } = App.useApp();
  const [settings, setSettings] = useState<CounterSettings | null>(null);
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState(SYSTEM_DEFAULT);
  const [printer, setPrinter] = useState('');
  const [microphone, setMicrophone] = useState(SYSTEM_DEFAULT);
  const [cameraError, setCameraError] = useState<string | null>(null);

  const refreshCameras = useCallback(async (askPermission: boolean) => {
    setCameraError(null);
    try {
      // Browsers name cameras only after the page was allowed to use one.
      if (askPermission) stopCamera(await openCamera(''));
      setCameras(await listCameras());
    } catch (e) {
      setCameraError(cameraErrorMessage(e));
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const s = await platform().getSettings();
      setSettings(s);
      setCamera(s.cameraDeviceId);
      setPrinter(s.printer);
      setMicrophone(s.microphoneDeviceId);
      setCaps(await platform().capabilities());
      await refreshCameras(false);
    })();
  }, [refreshCameras]);

  const save = async () => {
    const next = await platform().setSettings({ cameraDeviceId: camera, microphoneDeviceId: microphone, printer: printer.trim() });
    setSettings(next);
    message.success('设置已保存');
  };

  if (!settings) return null;
  const unnamed = cameras.some((c) => !c.label);
  const changed = camera !== settings.cameraDeviceId || printer.trim() !== settings.printer || microphone !== settings.microphoneDeviceId;
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Typography.Title level={3}>设置</Typography.Title>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title="高拍仪（摄像头）" style={{ marginBottom: 16 }}>
              <Form.Item label="收件拍摄使用的摄像头" htmlFor="settings-camera" extra={unnamed ? '摄像头名称需授权后才能显示：点击“授权并刷新”。' : undefined}>
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    id="settings-camera"
                    value={camera}
                    onChange={setCamera}
                    options={[
                      { value: SYSTEM_DEFAULT, label: '系统默认摄像头' },
                      ...cameras.map((c, i) => ({ value: c.deviceId, label: c.label || `摄像头 ${i + 1}` })),
                    ]}
                  />
                  <Button onClick={() => void refreshCameras(true)}>授权并刷新</Button>
                </Space.Compact>
              </Form.Item>
              {cameraError && <Typography.Paragraph type="danger">{cameraError}</Typography.Paragraph>}
              <CameraPreview deviceId={camera} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="打印机" style={{ marginBottom: 16 }}>
              <Form.Item
                label="回执和告知单打印机"
                htmlFor="settings-printer"
                extra={caps?.silentPrint ? '留空则使用系统默认打印机，打印时不再弹出对话框。' : '当前为浏览器版：打印时弹出系统打印对话框，在对话框中选择打印机；此处的设置在桌面版中生效。'}
              >
                <Input id="settings-printer" value={printer} onChange={(e) => setPrinter(e.target.value)} placeholder="系统默认打印机" />
              </Form.Item>
              <Typography.Text type="secondary">
                当前：{settings.printer || '系统默认打印机'}
                {caps ? ` · ${caps.silentPrint ? '支持直接打印' : '通过打印对话框打印'}` : ''}
              </Typography.Text>
            </Card>
            <MicrophoneCard value={microphone} onChange={setMicrophone} />
          </Col>
        </Row>
        <Button type="primary" onClick={() => void save()} disabled={!changed}>
          保存设置
        </Button>
      </Form>
    </div>
  );
}
