-- AlterTable
ALTER TABLE "TelnyxPhoneNumber" ADD COLUMN     "routeMenuId" TEXT;

-- CreateTable
CREATE TABLE "IvrMenu" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "greeting" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IvrMenu_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IvrMenu_organizationId_name_key" ON "IvrMenu"("organizationId", "name");

-- CreateIndex
CREATE INDEX "TelnyxPhoneNumber_routeMenuId_idx" ON "TelnyxPhoneNumber"("routeMenuId");

-- AddForeignKey
ALTER TABLE "TelnyxPhoneNumber" ADD CONSTRAINT "TelnyxPhoneNumber_routeMenuId_fkey" FOREIGN KEY ("routeMenuId") REFERENCES "IvrMenu"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
