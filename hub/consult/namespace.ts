// The /consult namespace: device-signed like /sync; the counter says who is logged in, dials a
// hall about a case, answers, declines, hangs up, and exchanges WebRTC signals through the hub.
// Media never pass through the hub. Calls live in this process (see docs/protocol-extensions.md).
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { canRead } from '../../shared/case/permissions';
import {
  CONSULT_NAMESPACE,
  CallRef,
  DialRequest,
  HangupRequest,
  PresenceRequest,
  SignalMessage,
  type ConsultError,
} from '../../shared/consult/messages';
import type { Clock } from '../domain/time';
import type { Principals } from '../domain/staff';
import type { DeviceAuth } from '../http/device-auth';
import type { Metrics } from '../metrics';
import type { DeviceTable, HubDatabase } from '../store/schema';
import { deviceHandshake } from '../sync/socket';
import { Calls } from './calls';
import { consultConfigFromEnv, iceServersFor, type ConsultConfig } from './config';

export interface ConsultDeps {
  db: Kysely<HubDatabase>;
  principals: Principals;
  auth: DeviceAuth;
  metrics: Metrics;
  log: Logger;
  clock: Clock;
  /** Defaults to the hub's environment (consultConfigFromEnv). */
  config?: ConsultConfig;
}

type Reply = (answer: unknown) => void;
const bad = (message: string): { ok: false; error: ConsultError } => ({
  ok: false,
  error: { code: 'INVALID_MESSAGE', message },
});

export function attachConsult(io: Server, deps: ConsultDeps): Calls {
  const config = deps.config ?? consultConfigFromEnv(process.env);
  const nsp = io.of(CONSULT_NAMESPACE);
  nsp.use(deviceHandshake(deps.auth, deps.metrics, deps.log));
  const ended = new Counter({
    name: 'tongban_consult_calls_total',
    help: 'Video consultations ended, by outcome',
    labelNames: ['outcome'],
    registers: [deps.metrics.registry],
  });
  const calls = new Calls(
    (socketId, event, payload) => nsp.to(socketId).emit(event, payload),
    () => deps.clock.now(),
    config.ringSeconds * 1000,
    (outcome, call) => {
      ended.inc({ outcome });
      deps.log.info(
        { consultId: call.id, outcome, from: call.callerHall, to: call.calleeHall },
        'consultation ended',
      );
    },
  );

  /** A device revoked while connected gets no credentials and places no calls. */
  const revoked = async (deviceId: string): Promise<boolean> =>
    !!(
      await deps.db
        .selectFrom('devices')
        .select('revoked_at')
        .where('device_id', '=', deviceId)
        .executeTakeFirst()
    )?.revoked_at;
  const REVOKED = {
    ok: false,
    error: { code: 'FORBIDDEN', message: '设备已被吊销，请联系管理员重新注册' },
  } as const;

  const hallsKnown = async (): Promise<{ hall_id: string; name: string }[]> =>
    deps.db.selectFrom('halls').select(['hall_id', 'name']).orderBy('hall_id').execute();

  nsp.on('connection', (socket: Socket) => {
    const device = socket.data.device as DeviceTable;
    calls.connect(socket.id, {
      deviceId: device.device_id,
      deviceCode: device.device_code,
      hallId: device.hall_id,
    });

    /** One handler: the message checked against its schema, every failure answered, never thrown. */
    const on = <S extends z.ZodType>(
      event: string,
      schema: S,
      what: string,
      handle: (msg: z.infer<S>) => unknown,
    ) => {
      socket.on(event, (msg: unknown, ack: unknown) => {
        const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => undefined;
        const parsed = schema.safeParse(msg ?? {});
        if (!parsed.success)
          return reply(bad(`${what}消息格式错误：${parsed.error.issues[0]?.message ?? ''}`));
        void Promise.resolve()
          .then(() => handle(parsed.data))
          .then(reply, (e: unknown) => {
            deps.log.error({ err: e, event }, 'consult handler failed');
            reply({
              ok: false,
              error: { code: 'INTERNAL', message: '中心暂时无法处理，请稍后重试' },
            });
          });
      });
    };

    on('presence', PresenceRequest, '在岗', async ({ staffId }) => {
      if (staffId === null) return calls.presence(socket.id, null);
      const staff = await deps.principals.staff(staffId);
      if (!staff)
        return { ok: false, error: { code: 'FORBIDDEN', message: '登录人员不存在或已停用' } };
      if (device.scope === 'hall' && staff.hallId !== device.hall_id)
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: '登录人员不属于本窗口所在营业厅' },
        };
      return calls.presence(socket.id, staff);
    });

    on('settings', CallRef.partial().strict(), '设置', async () => {
      if (await revoked(device.device_id)) return REVOKED;
      return {
        ok: true,
        iceServers: iceServersFor(config, device.device_code, deps.clock.now()),
        iceTransportPolicy: config.iceTransportPolicy,
        recordingAllowed: config.recordingAllowed,
        ringSeconds: config.ringSeconds,
      };
    });

    on('directory', CallRef.partial().strict(), '营业厅目录', async () => ({
      ok: true,
      halls: (await hallsKnown()).map((h) => ({
        hallId: h.hall_id,
        name: h.name,
        available: calls.available(h.hall_id, socket.id).length,
      })),
    }));

    on('dial', DialRequest, '呼叫', async (req) => {
      const staff = calls.staffOf(socket.id);
      if (!staff)
        return {
          ok: false,
          error: { code: 'NOT_PRESENT', message: '本窗口没有登录人员，无法发起会商' },
        };
      if (await revoked(device.device_id)) return REVOKED;
      if (!(await hallsKnown()).some((h) => h.hall_id === req.calleeHallId))
        return {
          ok: false,
          error: { code: 'UNKNOWN_HALL', message: `营业厅 ${req.calleeHallId} 不存在` },
        };
      if (req.case) {
        const row = await deps.db
          .selectFrom('cases')
          .select(['case_no', 'intake_hall_id', 'home_hall_id', 'delivery_hall_id'])
          .where('case_id', '=', req.case.caseId)
          .executeTakeFirst();
        if (!row || row.case_no !== req.case.caseNo)
          return {
            ok: false,
            error: {
              code: 'UNKNOWN_CASE',
              message: `办件 ${req.case.caseNo} 尚未同步到中心，请稍候再拨（或待“同步”完成后再试）`,
            },
          };
        const halls = {
          intakeHallId: row.intake_hall_id,
          homeHallId: row.home_hall_id,
          deliveryHallId: row.delivery_hall_id,
        };
        if (!canRead({ hallId: staff.hallId, roles: staff.roles, scope: device.scope }, halls))
          return {
            ok: false,
            error: { code: 'FORBIDDEN', message: '本厅与该办件无关，不能就该办件发起会商' },
          };
      }
      const r = calls.dial(socket.id, req);
      if (r.ok)
        deps.log.info(
          {
            consultId: req.consultId,
            from: staff.hallId,
            to: req.calleeHallId,
            ringing: r.ringing,
          },
          'consultation dialled',
        );
      return r;
    });

    on('cancel', CallRef, '取消', ({ consultId }) => calls.cancel(socket.id, consultId));
    on('answer', CallRef, '接听', ({ consultId }) => calls.answer(socket.id, consultId));
    on('decline', CallRef, '拒接', ({ consultId }) => calls.decline(socket.id, consultId));
    on('hangup', HangupRequest, '挂断', ({ consultId, reason }) =>
      calls.hangup(socket.id, consultId, reason),
    );
    on('signal', SignalMessage, '信令', (msg) => calls.signal(socket.id, msg));

    socket.on('disconnect', () => calls.disconnect(socket.id));
  });
  return calls;
}
