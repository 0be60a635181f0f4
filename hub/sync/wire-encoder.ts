// socket.io's packet encoder, taught one thing: an acknowledgement whose only argument is JSON the
// hub already holds as text (a pull page spliced from stored events) goes out as that text. The
// bytes on the wire are what the default encoder writes for the parsed object, so clients see
// no difference; the hub skips walking (hasBinary) and serialising megabytes per page.
import * as parser from 'socket.io-parser';

/** JSON text to be sent as the value it encodes. */
export class JsonText {
  constructor(readonly json: string) {}
}

class Encoder extends parser.Encoder {
  override encode(packet: parser.Packet): ReturnType<parser.Encoder['encode']> {
    const data: unknown = packet.data;
    if (packet.type === parser.PacketType.ACK && Array.isArray(data) && data.length === 1 && data[0] instanceof JsonText) {
      // As encodeAsString writes it: type, namespace and comma (unless "/"), ack id, the data array.
      const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
      return [`${packet.type}${nsp}${packet.id ?? ''}[${data[0].json}]`];
    }
    return super.encode(packet);
  }
}

/** The `parser` option of the socket.io Server: this encoder, socket.io's own decoder. */
export const hubParser = { Encoder, Decoder: parser.Decoder };
