export const profileStrings = {
  open: "My profile",
  title: "My profile",
  name: "Name",
  agentDevice: "My phone or SIP address",
  agentDeviceHelp:
    "Click-to-call rings this device first, then the lead. E.g. +33 6 12 34 56 78 or sip:me@acme.sip.telnyx.com",
  save: "Save",
  saved: "Profile saved.",
};
