// The headers that prove a request comes from an enrolled device (PROTOCOL.md, Device signature),
// built once here for every client: the counter's HTTP calls, its attachment uploads, and tools.
import { sha256Hex } from '../crypto/bytes';
import { DEVICE_HEADERS, requestSigningString } from './wire';

export type DeviceSign = (message: string) => Promise<string>;

export async function deviceRequestHeaders(
  deviceId: string,
  sign: DeviceSign,
  method: string,
  pathWithQuery: string,
  body: Uint8Array<ArrayBuffer> | string = '',
  at: number = Date.now(),
): Promise<Record<string, string>> {
  const timestamp = String(at);
  const signature = await sign(
    requestSigningString(method, pathWithQuery, timestamp, await sha256Hex(body)),
  );
  return {
    [DEVICE_HEADERS.id]: deviceId,
    [DEVICE_HEADERS.timestamp]: timestamp,
    [DEVICE_HEADERS.signature]: signature,
  };
}
