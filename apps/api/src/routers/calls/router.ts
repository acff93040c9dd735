import { router } from "../../trpc/trpc";

export const callsRouter = router({});
