#!/bin/sh
echo "The native Prisma schema engine is not used in this project (it cannot be downloaded here)." >&2
echo "Create migrations with 'pnpm db:migrate:new <name>'; they are applied at start-up." >&2
exit 1
