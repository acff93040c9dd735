/**
 * A real WebRTC audio peer in Node (werift: pure TypeScript, no native build): it offers or answers SDP, sends a
 * 440 Hz PCMU tone every 20 ms once connected, and counts (and keeps) the RTP packets it receives. The sandbox uses
 * it as Telnyx's media side of a browser call; tests use it as the "browser".
 */
import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  type RTCSessionDescription,
} from "werift";

const SAMPLES_PER_PACKET = 160; // 20 ms at 8 kHz
const PCMU_PAYLOAD_TYPE = 0;
/** Received payloads kept for a recording: 60 s of 20 ms packets (the sandbox's longest recording audio). */
const MAX_KEPT_PACKETS = 3000;

export interface RtcPeerStats {
  packetsSent: number;
  packetsReceived: number;
  bytesReceived: number;
  /** DTMF-free proof of content: the peak absolute sample among received packets (0 = silence). */
  peakLevel: number;
}

export class RtcPeer {
  private readonly pc: RTCPeerConnection;
  private readonly track = new MediaStreamTrack({ kind: "audio" });
  private timer: ReturnType<typeof setInterval> | null = null;
  private sequence = Math.floor(Math.random() * 0xffff);
  private timestamp = Math.floor(Math.random() * 0xffffffff);
  private readonly ssrc = Math.floor(Math.random() * 0xffffffff);
  private phase = 0;
  /** While false (hold) nothing is sent or relayed; the connection stays up. */
  isSending = true;
  /** Bridged with another browser leg: what this peer hears is sent by `relay`, and this peer's tone stops. */
  relay: RtcPeer | null = null;
  isRelayed = false;
  readonly received: Buffer[] = [];
  readonly stats: RtcPeerStats = { packetsSent: 0, packetsReceived: 0, bytesReceived: 0, peakLevel: 0 };
  private connectedWaiters: Array<() => void> = [];
  isConnected = false;

  constructor(private readonly toneHz = 440) {
    this.pc = new RTCPeerConnection({
      codecs: {
        audio: [new RTCRtpCodecParameters({ mimeType: "audio/PCMU", clockRate: 8000, channels: 1, payloadType: 0 })],
      },
      iceUseIpv6: false,
      iceAdditionalHostAddresses: ["127.0.0.1"],
    });
    this.pc.addTransceiver(this.track, { direction: "sendrecv" });
    this.pc.onTrack.subscribe((remote) => {
      remote.onReceiveRtp.subscribe((rtp) => this.onRtp(rtp));
    });
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") {
        this.isConnected = true;
        this.startTone();
        for (const wake of this.connectedWaiters.splice(0)) wake();
      }
      if (state === "failed" || state === "closed") this.stopTone();
    });
  }

  /** Our SDP offer, with every ICE candidate in it (Verto sends complete SDP, no trickle). */
  async createOffer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return this.completeLocalSdp();
  }

  /** Answers a remote offer; returns our complete SDP answer. */
  async answer(offerSdp: string): Promise<string> {
    await this.pc.setRemoteDescription({ type: "offer", sdp: offerSdp });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return this.completeLocalSdp();
  }

  async acceptAnswer(answerSdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: "answer", sdp: answerSdp });
  }

  waitConnected(timeoutMs = 10_000): Promise<void> {
    if (this.isConnected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("WebRTC peer did not connect in time")), timeoutMs);
      this.connectedWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** What we heard from packet `from` on, as 8 kHz 16-bit samples (PCMU decoded). */
  heardSince(from: number): Int16Array {
    const packets = this.received.slice(Math.min(from, this.received.length));
    const samples = new Int16Array(packets.reduce((sum, p) => sum + p.length, 0));
    let i = 0;
    for (const packet of packets) for (const byte of packet) samples[i++] = decodeMuLaw(byte);
    return samples;
  }

  async close(): Promise<void> {
    this.stopTone();
    await this.pc.close();
  }

  private async completeLocalSdp(): Promise<string> {
    if (this.pc.iceGatheringState !== "complete")
      await new Promise<void>((resolve) => {
        const { unSubscribe } = this.pc.iceGatheringStateChange.subscribe((state) => {
          if (state !== "complete") return;
          unSubscribe();
          resolve();
        });
      });
    const local = this.pc.localDescription as RTCSessionDescription | undefined;
    if (!local) throw new Error("WebRTC peer has no local description");
    return local.sdp;
  }

  private onRtp(rtp: RtpPacket): void {
    this.stats.packetsReceived += 1;
    this.stats.bytesReceived += rtp.payload.length;
    if (rtp.header.payloadType === PCMU_PAYLOAD_TYPE) {
      for (const byte of rtp.payload) {
        const level = Math.abs(decodeMuLaw(byte));
        if (level > this.stats.peakLevel) this.stats.peakLevel = level;
      }
    }
    if (this.received.length < MAX_KEPT_PACKETS) this.received.push(Buffer.from(rtp.payload));
    if (this.relay && this.isSending && rtp.header.payloadType === PCMU_PAYLOAD_TYPE)
      this.relay.sendPayload(rtp.payload);
  }

  private startTone(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sendPacket(), 20);
  }

  private stopTone(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private sendPacket(): void {
    if (!this.isSending || this.isRelayed) return;
    const payload = Buffer.alloc(SAMPLES_PER_PACKET);
    for (let i = 0; i < SAMPLES_PER_PACKET; i++) {
      payload[i] = encodeMuLaw(Math.round(Math.sin(this.phase) * 6000));
      this.phase += (2 * Math.PI * this.toneHz) / 8000;
    }
    this.sendPayload(payload);
  }

  /** Sends one 20 ms PCMU payload in this peer's own RTP stream (tone or relayed audio). */
  sendPayload(payload: Buffer): void {
    if (!this.isConnected || !this.isSending) return;
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + SAMPLES_PER_PACKET) >>> 0;
    const header = new RtpHeader({
      payloadType: PCMU_PAYLOAD_TYPE,
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
      ssrc: this.ssrc,
      marker: this.stats.packetsSent === 0,
    });
    this.track.writeRtp(new RtpPacket(header, payload));
    this.stats.packetsSent += 1;
  }
}

/** G.711 μ-law (ITU-T G.711), 16-bit linear sample → 8-bit code. */
export function encodeMuLaw(sample: number): number {
  const BIAS = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), 32_635) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = ~(sign | (exponent << 4) | mantissa);
  return magnitude & 0xff;
}

export function decodeMuLaw(code: number): number {
  const u = ~code & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return sign ? -magnitude : magnitude;
}
