import { router } from "../../trpc/trpc";

export const connectionsRouter = router({});
