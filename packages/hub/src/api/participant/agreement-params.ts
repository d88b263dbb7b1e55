import { Type } from "@sinclair/typebox";
import { transferIdLengthMax } from "../../domain/ledger/transfer.ts";

export const AgreementParams = Type.Object({
  agreementId: Type.String({ minLength: 1, maxLength: transferIdLengthMax }),
});
