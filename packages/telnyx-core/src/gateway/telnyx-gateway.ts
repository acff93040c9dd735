/**
 * The one way the product talks to Telnyx — identical against the local sandbox and the real API
 * (only `baseURL` differs). Typed, camelCase domain inputs; every failure is an AppError with a
 * message a user can act on (see map-telnyx-error.ts); retry policy in gateway-context.ts.
 */
import { createAccountApi, type AccountApi } from "./account-api";
import { createCallCommands, type CallCommands } from "./call-commands";
import { createCredentialsApi, type CredentialsApi } from "./credentials-api";
import { createConferenceCommands, type ConferenceCommands } from "./conference-commands";
import { createGatewayContext, type TelnyxGatewayConfig } from "./gateway-context";
import { createMessagingApi, type MessagingApi } from "./messaging-api";
import { createNumbersApi, type NumbersApi } from "./numbers-api";

export type { TelnyxGatewayConfig } from "./gateway-context";

export type TelnyxGateway = CallCommands & ConferenceCommands & MessagingApi & NumbersApi & AccountApi & CredentialsApi;

export function createTelnyxGateway(config: TelnyxGatewayConfig): TelnyxGateway {
  const ctx = createGatewayContext(config);
  return {
    ...createCallCommands(ctx),
    ...createConferenceCommands(ctx),
    ...createMessagingApi(ctx),
    ...createNumbersApi(ctx),
    ...createAccountApi(ctx),
    ...createCredentialsApi(ctx),
  };
}
