// This counter's settings: the UI language (applied at once), the document camera (with a live check)
// and the printer, kept by the shell.
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, t as tNow, type Language } from '../../i18n';
import type { Capabilities, CounterSettings } from '../../../shared/bridge';
import type { PageProps } from '../../app/routes';
import { platform } from '../../platform/platform';
import { CameraPreview } from './CameraPreview';
import { MicrophoneCard } from './MicrophoneCard';
import { cameraErrorMessage, listCameras, openCamera, stopCamera } from './camera';

const SYSTEM_DEFAULT = '';

export function SettingsPage(_props: PageProps) {
  const { t } = useTranslation();
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
    message.success(t('settings.saved'));
  };

  // The language needs no "save": it is kept and shown at once, so the clerk sees what was chosen.
  const changeLanguage = async (language: Language) => {
    const next = await platform().setSettings({ language });
    setSettings(next);
    await applyLanguage(next.language);
    // In the language just chosen (this render's t still speaks the old one).
    message.success(tNow('settings.languageSaved'));
  };

  if (!settings) return null;
  const unnamed = cameras.some((c) => !c.label);
  const changed = camera !== settings.cameraDeviceId || printer.trim() !== settings.printer || microphone !== settings.microphoneDeviceId;
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <Form layout="vertical" component="div">
        <Form.Item label={t('settings.language')} htmlFor="settings-language" extra={t('settings.languageHelp')} style={{ maxWidth: 480 }}>
          <Select<Language>
            id="settings-language"
            virtual={false}
            value={settings.language}
            onChange={(v) => void changeLanguage(v)}
            options={[
              // Each language is named in itself, so whoever cannot read the current one finds theirs.
              { value: 'zh-CN', label: '中文（简体）' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('settings.cameraCard')} style={{ marginBottom: 16 }}>
              <Form.Item label={t('settings.camera')} htmlFor="settings-camera" extra={unnamed ? t('settings.cameraUnnamed') : undefined}>
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    id="settings-camera"
                    value={camera}
                    onChange={setCamera}
                    options={[
                      { value: SYSTEM_DEFAULT, label: t('settings.systemCamera') },
                      ...cameras.map((c, i) => ({ value: c.deviceId, label: c.label || t('settings.cameraN', { n: i + 1 }) })),
                    ]}
                  />
                  <Button onClick={() => void refreshCameras(true)}>{t('common.refresh')}</Button>
                </Space.Compact>
              </Form.Item>
              {cameraError && <Typography.Paragraph type="danger">{cameraError}</Typography.Paragraph>}
              <CameraPreview deviceId={camera} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('settings.printerCard')} style={{ marginBottom: 16 }}>
              <Form.Item
                label={t('settings.printer')}
                htmlFor="settings-printer"
                extra={caps?.silentPrint ? t('settings.printerSilent') : t('settings.printerBrowser')}
              >
                <Input id="settings-printer" value={printer} onChange={(e) => setPrinter(e.target.value)} placeholder={t('settings.systemPrinter')} />
              </Form.Item>
              <Typography.Text type="secondary">
                {t('settings.currentPrinter', { printer: settings.printer || t('settings.systemPrinter') })}
                {caps ? ` · ${caps.silentPrint ? t('settings.silentPrint') : t('settings.dialogPrint')}` : ''}
              </Typography.Text>
            </Card>
            <MicrophoneCard value={microphone} onChange={setMicrophone} />
          </Col>
        </Row>
        <Button type="primary" onClick={() => void save()} disabled={!changed}>
          {t('settings.save')}
        </Button>
      </Form>
    </div>
  );
}
