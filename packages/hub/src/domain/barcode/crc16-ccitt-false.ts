/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the
 * checksum EMVCo QR payloads carry in tag 63. It runs over the UTF-8 bytes of the text, so a
 * payload with Chinese or Thai characters in its language template gets the same value every
 * scanner computes. Known answer: "123456789" gives 0x29B1.
 */
const polynomial = 0x1021;
const initialValue = 0xffff;
const encoder = new TextEncoder();

export function crc16CcittFalse(text: string): number {
  let crc = initialValue;
  for (const byte of encoder.encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ polynomial) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The checksum as tag 63 writes it: four uppercase hexadecimal digits. */
export function crc16CcittFalseHex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, "0");
}
