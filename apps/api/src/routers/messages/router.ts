import { router } from "../../trpc/trpc";

export const messagesRouter = router({});
