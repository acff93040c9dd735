import { router } from "../../trpc/trpc";

export const numbersRouter = router({});
