import type { IsolationDomain } from "./types";

// Not a lead's number (lead numbers are secrets): procedures echo the number they are given.
const NEUTRAL_NUMBER = "+14155550123";

export const messagesIsolation: IsolationDomain = {
  async seed(api, target) {
    const organizationId = target.organizationId;
    const lead = api.demo.leads.find((l) => l.id === target.leadId)!;
    const number = await api.db.prisma.telnyxPhoneNumber.create({
      data: {
        organizationId,
        phoneNumber: "+13125550199",
        countryCode: "US",
        status: "ACTIVE",
        features: ["sms", "voice"],
        messagingProfileId: "iso-profile-a",
      },
    });
    const message = await api.db.prisma.telnyxMessage.create({
      data: {
        organizationId,
        telnyxId: "iso-telnyx-message-a",
        direction: "OUTBOUND",
        status: "DELIVERED",
        fromNumber: number.phoneNumber,
        toNumber: lead.phoneNumber,
        counterpartNumber: lead.phoneNumber,
        text: "isolation secret text of organization A",
        leadId: lead.id,
        userId: target.userId,
        phoneNumberId: number.id,
        cost: "0.0075",
      },
    });
    const optOut = await api.db.prisma.optOut.create({
      data: { organizationId, phoneNumber: "+13125559876", source: "KEYWORD", keyword: "STOP" },
    });
    Object.assign(target.extra, {
      smsNumberId: number.id,
      messageId: message.id,
      messageTelnyxId: "iso-telnyx-message-a",
      messageText: "isolation secret text of organization A",
      optOutId: optOut.id,
      optedOutNumber: "+13125559876",
    });
  },
  cases: {
    "messages.fromNumbers": { input: () => undefined },
    "messages.send": {
      // tRPC reads fromNumberId/leadId, REST reads from/lead_id: both aim at organization A's records.
      input: (a) => ({
        to: NEUTRAL_NUMBER,
        text: "hello",
        fromNumberId: a.extra.smsNumberId,
        leadId: a.leadId,
        from: "+13125550199",
        lead_id: a.leadId,
      }),
    },
    "messages.threads": { input: () => ({ limit: 100 }) },
    "messages.thread": { input: (a) => ({ leadId: a.leadId }) },
    "messages.list": { input: () => ({ limit: 100 }) },
    "messages.optOuts": { input: () => ({ limit: 100 }) },
    "messages.optOut": { input: () => ({ phoneNumber: NEUTRAL_NUMBER }) },
    "messages.optIn": { input: () => ({ phoneNumber: NEUTRAL_NUMBER }) },
  },
};
