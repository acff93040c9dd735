import type { IsolationDomain } from "./types";

/** Organization A owns an active number assigned to its agent. */
export const numbersIsolation: IsolationDomain = {
  async seed(api, target) {
    const number = await api.db.prisma.telnyxPhoneNumber.create({
      data: {
        organizationId: target.organizationId,
        telnyxId: "2990000000000000001",
        phoneNumber: "+33187659901",
        countryCode: "FR",
        numberType: "local",
        status: "ACTIVE",
        features: ["voice", "sms"],
        connectionId: "2990000000000000002",
        messagingProfileId: "99000000-0000-4000-8000-000000000001",
        assignedUserId: target.userId,
        purchasedAt: new Date(),
      },
    });
    Object.assign(target.extra, {
      numberId: number.id,
      numberPhone: number.phoneNumber,
      numberTelnyxId: number.telnyxId,
    });
  },
  cases: {
    "numbers.list": { input: () => ({ includeReleased: true }) },
    "numbers.get": { input: (a) => ({ id: a.extra.numberId }) },
    "numbers.countries": { input: () => undefined },
    // Organization B has no Telnyx here: an unknown country is refused before Telnyx is asked.
    "numbers.search": { input: () => ({ countryCode: "XX", numberType: "local" }) },
    "numbers.purchase": {
      input: (a) => ({ phoneNumber: a.extra.numberPhone, countryCode: "FR", numberType: "local" }),
    },
    "numbers.release": { input: (a) => ({ id: a.extra.numberId }) },
    "numbers.assign": { input: (a) => ({ id: a.extra.numberId, userId: a.userId }) },
    "numbers.members": { input: () => undefined },
  },
};
