/**
 * Memberships change outside this process (another instance, an admin tool, SQL): each instance
 * checks the members behind its own sockets in one query every MEMBER_CHECK_MS and closes the
 * sockets of a member removed or whose role changed. The client reconnects; the handshake then
 * applies the new role (its rooms) or refuses.
 */
import { memberKeyOf, type MemberKey } from "../auth/memberships";
import type { RealtimeServer } from "./realtime";

export const MEMBER_CHECK_MS = 500;

export type MemberRolesLookup = (members: MemberKey[]) => Promise<Map<string, string>>;

export function watchMembers(io: RealtimeServer, memberRolesOf: MemberRolesLookup): () => void {
  let isChecking = false;
  const check = async () => {
    if (isChecking) return;
    isChecking = true;
    try {
      const sockets = [...io.of("/").sockets.values()].filter((socket) => socket.data.memberRole);
      if (sockets.length === 0) return;
      const members = new Map(
        sockets.map((socket) => [
          memberKeyOf(socket.data),
          { organizationId: socket.data.organizationId, userId: socket.data.userId },
        ]),
      );
      const roles = await memberRolesOf([...members.values()]);
      for (const socket of sockets) {
        if (roles.get(memberKeyOf(socket.data)) !== socket.data.memberRole) socket.disconnect(true);
      }
    } catch {
      // Database unreachable: the next round checks again (HTTP is refused meanwhile too).
    } finally {
      isChecking = false;
    }
  };
  const timer = setInterval(() => void check(), MEMBER_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
