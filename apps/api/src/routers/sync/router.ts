import { router } from "../../trpc/trpc";

export const syncRouter = router({});
