/**
 * The Luhn (mod 10) check digit of ISO/IEC 7812 card numbers. It catches every single-digit
 * typo and most swaps of neighbouring digits, so a mistyped card number is refused at the edge
 * instead of failing later at the bank. `digits` must hold only 0-9.
 */
export function passesLuhnCheck(digits: string): boolean {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    const digit = digits.charCodeAt(digits.length - 1 - fromRight) - 48;
    // Every second digit from the right, the check digit being the first, is doubled.
    const weighted = fromRight % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return digits.length > 0 && sum % 10 === 0;
}
