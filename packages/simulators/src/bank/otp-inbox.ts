/** A one-time password as the customer's phone received it. */
export interface OtpMessage {
  readonly mobile: string;
  readonly otp: string;
  readonly signRequestId: string;
  readonly paymentInstitutionId: string;
  readonly text: string;
  readonly sentAt: string;
}

/** Messages kept per mobile number: a test or the demo reads the latest few. */
export const inboxMessagesPerMobileMax = 20;

/**
 * Stands in for the customers' phones: the bank "sends" each one-time password here, and tests
 * and the demo read it back, as a customer would read their messages.
 */
export class OtpInbox {
  private readonly byMobile = new Map<string, OtpMessage[]>();

  deliver(message: OtpMessage): void {
    const messages = this.byMobile.get(message.mobile) ?? [];
    messages.unshift(message);
    if (messages.length > inboxMessagesPerMobileMax) messages.pop();
    this.byMobile.set(message.mobile, messages);
  }

  /** Newest first. */
  messages(mobile: string): readonly OtpMessage[] {
    return this.byMobile.get(mobile) ?? [];
  }

  latestOtp(mobile: string): string | undefined {
    return this.messages(mobile)[0]?.otp;
  }
}
