import QRCode from "qrcode";

/**
 * Renders a payload as a QR code, with the `qrcode` package. Error correction M (15 %), what
 * EMVCo payment codes commonly print at: a scuffed sticker still scans, and a 512-character
 * payload still fits a code phones read. The quiet zone is the four modules the QR standard
 * asks for. Text is written as UTF-8 bytes, so a language template's Chinese survives.
 */
const errorCorrectionLevel = "M";
const quietZoneModules = 4;

export interface QrPngOptions {
  /** Pixels per module; 8 gives a 400-odd pixel image for a typical payload. */
  readonly modulePixels?: number;
}

export function renderQrPng(payload: string, options: QrPngOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(payload, {
    type: "png",
    errorCorrectionLevel,
    margin: quietZoneModules,
    scale: options.modulePixels ?? 8,
  });
}

/** An SVG document, scalable to any print size. */
export function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel, margin: quietZoneModules });
}

/**
 * The code drawn with half-block characters for a terminal (two modules a line), dark on light
 * whatever the terminal's colours, so a phone can scan it off the screen.
 */
export function renderQrTerminal(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "terminal", small: true, errorCorrectionLevel });
}
