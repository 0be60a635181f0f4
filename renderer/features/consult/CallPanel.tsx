// The call: both pictures, mute and camera, the shared case summary, chat, the caller's notes for
// the record, hang up; and, once it ended, why, whether it is on the case, and redial.
import { Alert, Button, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRecord } from '../../../shared/consult/record';
import { t as tNow } from '../../i18n';
import { CallChat } from './CallChat';
import { CallVideo } from './CallVideo';
import { otherSide, type CallView, type ConsultController } from './controller';
import { callDuration } from './words';
import { SharedSummary } from './SharedSummary';

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function statusText(call: CallView, now: number): string {
  const other = otherSide(call);
  switch (call.phase) {
    case 'preparing':
      return tNow('consult.call.preparing');
    case 'ringing': {
      const left = call.deadline ? Math.max(0, Math.ceil((call.deadline - now) / 1000)) : 0;
      return tNow('consult.call.ringing', { other, ringing: call.ringing ?? 0, left });
    }
    case 'connecting':
      return tNow('consult.call.connecting', { other });
    case 'active':
      return tNow('consult.call.active', {
        other,
        duration: callDuration(call.startedAt ? Math.max(0, Math.round((now - Date.parse(call.startedAt)) / 1000)) : 0),
      });
    case 'ended':
      return call.end?.message ?? tNow('consult.call.ended');
  }
}

export function CallPanel({ controller, call }: { controller: ConsultController; call: CallView }) {
  const { t } = useTranslation();
  const now = useNow();
  const live = call.phase === 'connecting' || call.phase === 'active';
  const ended = call.phase === 'ended';
  const canShare = call.role === 'caller' && !!call.target.case && call.channelOpen && !ended;
  return (
    <Drawer open title={t('consult.title')} placement="right" size={600} mask={false} closable={false}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {ended ? (
          <Alert
            type={call.end?.reason === 'hangup' ? 'info' : 'warning'}
            showIcon
            title={statusText(call, now)}
            role="alert"
          />
        ) : (
          <Typography.Text role="status" aria-label={t('consult.call.status')}>
            {statusText(call, now)}
          </Typography.Text>
        )}
        {call.caseRef ? (
          <Space size={4} wrap>
            <Tag color="blue">{t('consult.call.caseTag', { caseNo: call.caseRef.caseNo })}</Tag>
            <Tag>
              {mayRecord(call.recordingAllowed, call.consent)
                ? t('consult.call.recordingAgreed')
                : t('consult.call.noRecording')}
            </Tag>
          </Space>
        ) : null}
        {!ended ? (
          <div style={{ position: 'relative' }}>
            <CallVideo
              stream={call.remote}
              label={t('consult.call.remoteVideo')}
              markFirstFrame
              style={{ width: '100%', height: 300 }}
            />
            <CallVideo
              stream={call.local}
              label={t('consult.call.localVideo')}
              muted
              style={{
                position: 'absolute',
                right: 8,
                bottom: 8,
                width: 140,
                height: 105,
                border: '2px solid #fff',
              }}
            />
          </div>
        ) : null}
        <Space wrap>
          {live ? (
            <>
              <Button aria-pressed={!call.micOn} onClick={() => controller.toggleMic()}>
                {call.micOn ? t('consult.call.mute') : t('consult.call.unmute')}
              </Button>
              <Button aria-pressed={!call.camOn} onClick={() => controller.toggleCamera()}>
                {call.camOn ? t('consult.call.cameraOff') : t('consult.call.cameraOn')}
              </Button>
            </>
          ) : null}
          {canShare ? (
            <Button
              aria-pressed={call.shared?.by === 'me'}
              onClick={() => controller.shareSummary(call.shared?.by !== 'me')}
            >
              {call.shared?.by === 'me' ? t('consult.call.stopShare') : t('consult.call.share')}
            </Button>
          ) : null}
          {call.phase === 'ringing' || call.phase === 'preparing' ? (
            <Button danger onClick={() => void controller.cancel()}>
              {t('consult.call.cancel')}
            </Button>
          ) : null}
          {live ? (
            <Button type="primary" danger onClick={() => void controller.hangup()}>
              {t('consult.call.hangup')}
            </Button>
          ) : null}
          {ended && call.end?.canRedial ? (
            <Button type="primary" onClick={() => void controller.redial()}>
              {t('consult.call.redial')}
            </Button>
          ) : null}
          {ended ? <Button onClick={() => controller.close()}>{t('common.close')}</Button> : null}
        </Space>
        {ended && call.end?.recorded ? (
          <Typography.Text type="success">
            {t('consult.call.recorded', { caseNo: call.end.recorded })}
          </Typography.Text>
        ) : null}
        {call.shared && !ended ? (
          <SharedSummary summary={call.shared.summary} by={call.shared.by} />
        ) : null}
        {live ? (
          <CallChat
            lines={call.chat}
            open={call.channelOpen}
            onSend={(text) => controller.sendChat(text)}
          />
        ) : null}
        {call.role === 'caller' && call.caseRef && !ended ? (
          <Input.TextArea
            aria-label={t('consult.call.notes')}
            value={call.notes}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            onChange={(e) => controller.setNotes(e.target.value)}
            placeholder={t('consult.call.notesPlaceholder')}
          />
        ) : null}
      </Space>
    </Drawer>
  );
}
