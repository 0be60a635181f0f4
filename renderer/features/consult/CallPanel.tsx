// The call: both pictures, mute and camera, the shared case summary, chat, the caller's notes for
// the record, hang up; and, once it ended, why, whether it is on the case, and redial.
import { Alert, Button, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { durationText, mayRecord } from '../../../shared/consult/record';
import { hallName } from '../../../shared/halls';
import { CallChat } from './CallChat';
import { CallVideo } from './CallVideo';
import type { CallView, ConsultController } from './controller';
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
  const other = call.peer
    ? `${hallName(call.peer.hallId)} ${call.peer.name}`
    : hallName(call.target.hallId);
  switch (call.phase) {
    case 'preparing':
      return '正在打开摄像头和麦克风…';
    case 'ringing': {
      const left = call.deadline ? Math.max(0, Math.ceil((call.deadline - now) / 1000)) : 0;
      return `正在呼叫${other}（${call.ringing ?? 0} 个窗口振铃，${left} 秒后无人接听即结束）`;
    }
    case 'connecting':
      return `${other}已接听，正在建立音视频连接…`;
    case 'active':
      return `通话中 · ${other} · ${durationText(call.startedAt ? Math.max(0, Math.round((now - Date.parse(call.startedAt)) / 1000)) : 0)}`;
    case 'ended':
      return call.end?.message ?? '通话已结束。';
  }
}

export function CallPanel({ controller, call }: { controller: ConsultController; call: CallView }) {
  const now = useNow();
  const live = call.phase === 'connecting' || call.phase === 'active';
  const ended = call.phase === 'ended';
  const canShare = call.role === 'caller' && !!call.target.case && call.channelOpen && !ended;
  return (
    <Drawer open title="视频会商" placement="right" size={600} mask={false} closable={false}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {ended ? (
          <Alert
            type={call.end?.reason === 'hangup' ? 'info' : 'warning'}
            showIcon
            title={statusText(call, now)}
            role="alert"
          />
        ) : (
          <Typography.Text role="status" aria-label="会商状态">
            {statusText(call, now)}
          </Typography.Text>
        )}
        {call.caseRef ? (
          <Space size={4} wrap>
            <Tag color="blue">办件 {call.caseRef.caseNo}</Tag>
            <Tag>
              {mayRecord(call.recordingAllowed, call.consent)
                ? '管理员允许且申请人同意录像（本版本不录像）'
                : '本次会商不录像'}
            </Tag>
          </Space>
        ) : null}
        {!ended ? (
          <div style={{ position: 'relative' }}>
            <CallVideo
              stream={call.remote}
              label="对方画面"
              markFirstFrame
              style={{ width: '100%', height: 300 }}
            />
            <CallVideo
              stream={call.local}
              label="本机画面"
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
                {call.micOn ? '静音' : '取消静音'}
              </Button>
              <Button aria-pressed={!call.camOn} onClick={() => controller.toggleCamera()}>
                {call.camOn ? '关闭摄像头' : '打开摄像头'}
              </Button>
            </>
          ) : null}
          {canShare ? (
            <Button
              aria-pressed={call.shared?.by === 'me'}
              onClick={() => controller.shareSummary(call.shared?.by !== 'me')}
            >
              {call.shared?.by === 'me' ? '停止共享办件摘要' : '共享办件摘要'}
            </Button>
          ) : null}
          {call.phase === 'ringing' || call.phase === 'preparing' ? (
            <Button danger onClick={() => void controller.cancel()}>
              取消呼叫
            </Button>
          ) : null}
          {live ? (
            <Button type="primary" danger onClick={() => void controller.hangup()}>
              挂断
            </Button>
          ) : null}
          {ended && call.end?.canRedial ? (
            <Button type="primary" onClick={() => void controller.redial()}>
              重新拨打
            </Button>
          ) : null}
          {ended ? <Button onClick={() => controller.close()}>关闭</Button> : null}
        </Space>
        {ended && call.end?.recorded ? (
          <Typography.Text type="success">
            会商情况已写入办件 {call.end.recorded} 的办理经过。
          </Typography.Text>
        ) : null}
        {call.shared && !ended ? (
          <SharedSummary summary={call.shared.summary} by={call.shared.by} />
        ) : null}
        {live ? (
          <CallChat
            lines={call.chat}
            open={call.channelOpen}
            onSend={(t) => controller.sendChat(t)}
          />
        ) : null}
        {call.role === 'caller' && call.caseRef && !ended ? (
          <Input.TextArea
            aria-label="会商记录"
            value={call.notes}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            onChange={(e) => controller.setNotes(e.target.value)}
            placeholder="记下会商的结论：通话结束时与参与人、时长一起写入办件的办理经过"
          />
        ) : null}
      </Space>
    </Drawer>
  );
}
