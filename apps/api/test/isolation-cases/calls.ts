import type { IsolationDomain } from "./types";

// Not a lead's number (lead numbers are secrets): procedures may echo the number they are given.
const NEUTRAL_NUMBER = "+14155550124";

export const callsIsolation: IsolationDomain = {
  async seed(api, target) {
    const organizationId = target.organizationId;
    const lead = api.demo.leads.find((l) => l.id === target.leadId)!;
    const number = await api.db.prisma.telnyxPhoneNumber.create({
      data: {
        organizationId,
        phoneNumber: "+13125550188",
        countryCode: "US",
        status: "ACTIVE",
        features: ["voice"],
        connectionId: "iso-app-a",
      },
    });
    const call = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId,
        direction: "OUTBOUND",
        status: "BRIDGED",
        fromNumber: number.phoneNumber,
        toNumber: lead.phoneNumber,
        leadId: lead.id,
        userId: target.userId,
        phoneNumberId: number.id,
        callControlId: "v3:iso-customer-leg-a",
        agentCallControlId: "v3:iso-agent-leg-a",
        conferenceId: "iso-conference-a",
        recordingPath: `${organizationId}/iso-call.mp3`,
        startedAt: new Date(),
        answeredAt: new Date(),
      },
    });
    const ringing = await api.db.prisma.telnyxCall.create({
      data: {
        organizationId,
        direction: "INBOUND",
        status: "RINGING",
        fromNumber: lead.phoneNumber,
        toNumber: number.phoneNumber,
        callControlId: "v3:iso-inbound-leg-a",
      },
    });
    Object.assign(target.extra, {
      voiceNumberId: number.id,
      callId: call.id,
      ringingCallId: ringing.id,
      customerLeg: "v3:iso-customer-leg-a",
      agentLeg: "v3:iso-agent-leg-a",
      conferenceId: "iso-conference-a",
    });
  },
  cases: {
    "calls.list": { input: (a) => ({ userId: a.userId, leadId: a.leadId, limit: 100 }) },
    "calls.get": { input: (a) => ({ id: a.extra.callId }) },
    "calls.active": { input: () => undefined },
    "calls.fromNumbers": { input: () => undefined },
    "calls.create": { input: (a) => ({ to: NEUTRAL_NUMBER, fromNumberId: a.extra.voiceNumberId, leadId: a.leadId }) },
    "calls.hangup": { input: (a) => ({ id: a.extra.callId }) },
    "calls.mute": { input: (a) => ({ id: a.extra.callId }) },
    "calls.unmute": { input: (a) => ({ id: a.extra.callId }) },
    "calls.hold": { input: (a) => ({ id: a.extra.callId }) },
    "calls.unhold": { input: (a) => ({ id: a.extra.callId }) },
    "calls.startRecording": { input: (a) => ({ id: a.extra.callId }) },
    "calls.stopRecording": { input: (a) => ({ id: a.extra.callId }) },
    "calls.answer": { input: (a) => ({ id: a.extra.ringingCallId }) },
    "calls.decline": { input: (a) => ({ id: a.extra.ringingCallId }) },
    "calls.transfer": { input: (a) => ({ id: a.extra.callId, toUserId: a.userId }) },
    "calls.consult": { input: (a) => ({ id: a.extra.callId, toUserId: a.userId }) },
    "calls.completeTransfer": { input: (a) => ({ id: a.extra.callId }) },
    "calls.returnToCustomer": { input: (a) => ({ id: a.extra.callId }) },
  },
};
