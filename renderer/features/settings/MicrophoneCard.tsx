// 视频会商: the microphone a call uses (the camera is the one chosen above), with a live level so
// the clerk can see it hears them.
import { Button, Card, Form, Progress, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMicrophones, stopMedia } from '../consult/media';
import { mediaErrorMessage } from '../consult/words';

const SYSTEM_DEFAULT = '';

/** The microphone's loudness, 0–100, while mounted. */
function useLevel(deviceId: string, onError: (message: string) => void): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let audio: AudioContext | null = null;
    let frame = 0;
    let gone = false;
    void navigator.mediaDevices
      ?.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true })
      .then((s) => {
        if (gone) return stopMedia(s);
        stream = s;
        audio = new AudioContext();
        const analyser = audio.createAnalyser();
        audio.createMediaStreamSource(s).connect(analyser);
        const data = new Uint8Array(analyser.fftSize);
        const tick = () => {
          analyser.getByteTimeDomainData(data);
          let peak = 0;
          for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
          setLevel(Math.min(100, Math.round((peak / 128) * 100)));
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch((e: unknown) => !gone && onError(mediaErrorMessage(e)));
    return () => {
      gone = true;
      cancelAnimationFrame(frame);
      stopMedia(stream);
      void audio?.close();
    };
  }, [deviceId, onError]);
  return level;
}

function Level({ deviceId, onError }: { deviceId: string; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const level = useLevel(deviceId, onError);
  return <Progress percent={level} showInfo={false} size="small" aria-label={t('settings.level')} />;
}

export function MicrophoneCard({
  value,
  onChange,
}: {
  value: string;
  onChange: (deviceId: string) => void;
}) {
  const { t } = useTranslation();
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    setError(null);
    try {
      // Browsers name devices only after the page was allowed to use one.
      stopMedia(await navigator.mediaDevices.getUserMedia({ audio: true }));
      setMics(await listMicrophones());
    } catch (e) {
      setError(mediaErrorMessage(e));
    }
  }, []);
  useEffect(() => {
    void listMicrophones().then(setMics, () => undefined);
  }, []);
  const unnamed = mics.some((m) => !m.label);
  return (
    <Card size="small" title={t('settings.consultCard')} style={{ marginBottom: 16 }}>
      <Form.Item
        label={t('settings.microphone')}
        htmlFor="settings-microphone"
        extra={`${t('settings.microphoneHelp')}${unnamed ? t('settings.microphoneUnnamed') : ''}`}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Select
            id="settings-microphone"
            value={value}
            onChange={onChange}
            options={[
              { value: SYSTEM_DEFAULT, label: t('settings.systemMicrophone') },
              ...mics.map((m, i) => ({ value: m.deviceId, label: m.label || t('settings.microphoneN', { n: i + 1 }) })),
            ]}
          />
          <Button onClick={() => void refresh()}>{t('common.refresh')}</Button>
        </Space.Compact>
      </Form.Item>
      {error ? <Typography.Paragraph type="danger">{error}</Typography.Paragraph> : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button onClick={() => setTesting((on) => !on)}>{testing ? t('settings.stopTest') : t('settings.test')}</Button>
        {testing ? <Level key={value} deviceId={value} onError={setError} /> : null}
      </Space>
    </Card>
  );
}
