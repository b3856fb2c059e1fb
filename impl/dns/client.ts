/**
 * A DNS client for one authoritative server: ordinary queries and RFC 2136
 * dynamic updates over UDP, with the wire format from dns-packet. One UPDATE
 * message is atomic (the server applies all of it or none), like a Route53
 * change batch.
 */
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { createRequire } from "node:module";
import * as dnsPacket from "dns-packet";

// dns-packet writes the header's opcode as part of its flags; its opcodes table gives UPDATE's number (5).
const opcodes = createRequire(import.meta.url)("dns-packet/opcodes") as { toOpcode(name: string): number };
const UPDATE_FLAGS = opcodes.toOpcode("UPDATE") << 11;

/** What a query returned: the response code and the records of the answer section. */
export interface QueryResult {
  readonly rcode: string;
  readonly answers: readonly { readonly name: string; readonly type: string; readonly data: unknown }[];
}

/**
 * A prerequisite (RFC 2136, 2.4): `exists` an RRset with this exact value
 * (class IN, with RDATA), `rrsetExists` an RRset of the type whatever its
 * value (class ANY, empty RDATA).
 */
export type Prerequisite =
  | { readonly kind: "exists"; readonly name: string; readonly type: "CNAME" | "A" | "TXT"; readonly data: string }
  | { readonly kind: "rrsetExists"; readonly name: string; readonly type: "CNAME" | "A" | "TXT" };

/** An update (RFC 2136, 2.5): add a record, or delete a whole RRset (class ANY, empty RDATA). */
export type Update =
  | { readonly kind: "add"; readonly name: string; readonly type: "CNAME" | "A" | "TXT"; readonly data: string; readonly ttl?: number }
  | { readonly kind: "deleteRRset"; readonly name: string; readonly type: "CNAME" | "A" | "TXT" };

const TYPE_CODES = { A: 1, CNAME: 5, TXT: 16 } as const;

/** One DNS exchange, for whoever wants to watch or schedule them (the race tests). */
export type Exchange = <T>(what: string, run: () => Promise<T>) => Promise<T>;

/** A client of the server at 127.0.0.1:`port`. */
export class DnsClient {
  private nextId = 1;

  constructor(
    readonly port: number,
    /** Wraps every exchange: by default it just runs it. */
    private readonly exchange: Exchange = (_what, run) => run(),
    /** How long to wait for an answer. */
    private readonly timeoutMs = 5000,
  ) {}

  /** Asks for `name`'s records of `type`. */
  query(name: string, type: "A" | "CNAME" | "TXT"): Promise<QueryResult> {
    return this.exchange(`query ${type} ${name}`, async () => {
      const response = await this.send({ type: "query", id: this.id(), flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: "IN" }] });
      return { rcode: rcodeOf(response), answers: (response.answers ?? []).map((a) => ({ name: a.name, type: a.type, data: (a as { data?: unknown }).data })) };
    });
  }

  /** The whole zone at one instant (a zone transfer, AXFR over TCP): every record, as the server holds them. */
  axfr(zone: string): Promise<QueryResult["answers"]> {
    return this.exchange(`axfr ${zone}`, () => this.transfer(zone));
  }

  /** Sends one UPDATE for `zone`; returns the server's response code (NOERROR when applied, e.g. NXRRSET when a prerequisite failed). */
  update(zone: string, prerequisites: readonly Prerequisite[], updates: readonly Update[]): Promise<string> {
    return this.exchange(`update ${updates.map((u) => `${u.kind} ${u.type} ${u.name}`).join(", ")}`, async () => {
      // An UPDATE reuses the sections: zone (question), prerequisites (answers), updates (authorities).
      const response = await this.send({
        type: "query",
        id: this.id(),
        flags: UPDATE_FLAGS,
        questions: [{ type: "SOA", name: zone, class: "IN" }],
        answers: prerequisites.map(prerequisiteRecord),
        authorities: updates.map(updateRecord),
      } as dnsPacket.Packet);
      return rcodeOf(response);
    });
  }

  private id(): number {
    this.nextId = (this.nextId % 65535) + 1;
    return this.nextId;
  }

  private transfer(zone: string): Promise<QueryResult["answers"]> {
    return new Promise((resolve, reject) => {
      const id = this.id();
      const socket = connect(this.port, "127.0.0.1");
      const answers: { name: string; type: string; data: unknown }[] = [];
      let buffer = Buffer.alloc(0);
      let soas = 0;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the DNS server on 127.0.0.1:${this.port} did not transfer ${zone} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      socket.on("connect", () => socket.write(dnsPacket.streamEncode({ type: "query", id, questions: [{ type: "AXFR", name: zone, class: "IN" }] })));
      socket.on("data", (data) => {
        buffer = Buffer.concat([buffer, data]);
        // Messages on TCP carry a two-byte length; a transfer ends with the zone's SOA record again.
        while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
          const length = buffer.readUInt16BE(0);
          const message = dnsPacket.decode(buffer.subarray(2, 2 + length));
          buffer = buffer.subarray(2 + length);
          if (rcodeOf(message) !== "NOERROR") {
            clearTimeout(timer);
            socket.destroy();
            return reject(new Error(`the transfer of ${zone} was refused: ${rcodeOf(message)}`));
          }
          for (const a of message.answers ?? []) {
            answers.push({ name: a.name, type: a.type, data: (a as { data?: unknown }).data });
            if (a.type === "SOA" && ++soas === 2) {
              clearTimeout(timer);
              socket.destroy();
              return resolve(answers);
            }
          }
        }
      });
      socket.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  private send(packet: dnsPacket.Packet): Promise<dnsPacket.DecodedPacket> {
    return new Promise((resolve, reject) => {
      const socket = createSocket("udp4");
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error(`the DNS server on 127.0.0.1:${this.port} did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      socket.on("message", (message) => {
        const response = dnsPacket.decode(message);
        if (response.id !== packet.id) return;
        clearTimeout(timer);
        socket.close();
        resolve(response);
      });
      socket.on("error", (error) => {
        clearTimeout(timer);
        socket.close();
        reject(error);
      });
      socket.send(dnsPacket.encode(packet), this.port, "127.0.0.1");
    });
  }
}

// dns-packet decodes the response code; its type declarations omit it.
const rcodeOf = (response: dnsPacket.DecodedPacket): string => (response as { rcode?: string }).rcode ?? "NOERROR";

// An RRset with empty RDATA, as RFC 2136 needs (class ANY): dns-packet writes a type it does not know by number
// (`UNKNOWN_<n>`) with raw RDATA, here none.
function emptyRecord(name: string, type: keyof typeof TYPE_CODES): dnsPacket.Answer {
  return { name, type: `UNKNOWN_${TYPE_CODES[type]}`, class: "ANY", ttl: 0, data: Buffer.alloc(0) } as unknown as dnsPacket.Answer;
}

function prerequisiteRecord(p: Prerequisite): dnsPacket.Answer {
  if (p.kind === "rrsetExists") return emptyRecord(p.name, p.type);
  return record(p.name, p.type, p.data, 0);
}

function updateRecord(u: Update): dnsPacket.Answer {
  if (u.kind === "deleteRRset") return emptyRecord(u.name, u.type);
  return record(u.name, u.type, u.data, u.ttl ?? 60);
}

function record(name: string, type: "CNAME" | "A" | "TXT", data: string, ttl: number): dnsPacket.Answer {
  return { name, type, class: "IN", ttl, data } as dnsPacket.Answer;
}
