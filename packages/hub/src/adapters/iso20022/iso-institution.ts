import type { XmlTree } from "./xml-tree.ts";

/**
 * A financial institution as the hub's files name it: a member of the hub's clearing system,
 * identified by its participant id (`ClrSysMmbId/MmbId`) under the clearing system's
 * proprietary id (`ClrSysId/Prtry`). Participants have no BIC or LEI of the hub's knowing, and a
 * clearing-system member id is exactly what a participant id is; the hub itself is a member too.
 */
export interface Iso20022Institution {
  /** The participant id (or the hub's own member id); at most 35 characters. */
  readonly memberId: string;
  /** Shown to people; any Unicode, at most 140 characters. */
  readonly name?: string | undefined;
}

/** `FinInstnId` of a BranchAndFinancialInstitutionIdentification6. */
export function financialInstitutionTree(
  institution: Iso20022Institution,
  clearingSystemId: string,
): XmlTree {
  return {
    FinInstnId: {
      ClrSysMmbId: { ClrSysId: { Prtry: clearingSystemId }, MmbId: institution.memberId },
      ...(institution.name === undefined ? {} : { Nm: institution.name }),
    },
  };
}
