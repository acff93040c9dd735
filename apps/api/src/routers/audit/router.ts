import { router } from "../../trpc/trpc";

export const auditRouter = router({});
