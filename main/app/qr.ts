// QR codes for links a visitor takes away on a phone. Generated in main so the renderer needs no library.
import QRCode from 'qrcode';

/** An SVG QR code for `text` (a URL), black on white with a quiet zone, sized by its container. */
export async function makeQrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
