/**
 * The file types an attachment may be, told by the file's first bytes (and, for the Office
 * formats, the parts inside the zip), never by the name or the type the client declares.
 */
export const attachmentTypes = {
  'image/jpeg': { ext: 'jpg', label: 'JPEG 图片', image: true },
  'image/png': { ext: 'png', label: 'PNG 图片', image: true },
  'image/webp': { ext: 'webp', label: 'WebP 图片', image: true },
  'application/pdf': { ext: 'pdf', label: 'PDF 文档', image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: 'docx',
    label: 'Word 文档',
    image: false,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    ext: 'xlsx',
    label: 'Excel 表格',
    image: false,
  },
} as const;
export type AttachmentType = keyof typeof attachmentTypes;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type of a file by its content, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Buffer): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML file is a zip whose entry names are stored as plain text in its headers.
    if (!bytes.includes('[Content_Types].xml', 0, 'latin1')) return null;
    if (bytes.includes('word/', 0, 'latin1')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
    if (bytes.includes('xl/', 0, 'latin1')) {
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
  }
  return null;
}

/** A file name safe to store and to send back: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string | undefined, type: AttachmentType): string {
  const base = ((name ?? '').split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(-120);
  return base || `附件.${attachmentTypes[type].ext}`;
}
