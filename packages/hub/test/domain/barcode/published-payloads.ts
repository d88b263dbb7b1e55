/**
 * Merchant-presented payloads published by others, their CRCs as published. None carries
 * clearhub's template; they prove the generic parser and the CRC agree with the world.
 */
export const publishedPayloads = {
  /** EMVCo MPM specification v1.1, annex example: a Chinese language template (64), tag 91. */
  emvcoAnnex:
    "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A",
  /** Singapore PayNow (SGQR), from the test of github.com/jaynzr/go-paynow. */
  singaporePayNow:
    "00020101021226520009SG.PAYNOW010120213S99345678ABCD03011040899991231520400005303702540512.345802SG5912ACME Pte Ltd6009Singapore62110107INV123463041E74",
  /** Thai PromptPay to a bank account, from thai-qr-payment.js.org's payload guide. */
  thaiPromptPay:
    "00020101021229370016A0000006770101110413014123456789053037645406100.005802TH6304901D",
} as const;
