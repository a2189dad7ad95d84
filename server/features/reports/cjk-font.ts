import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The CJK TrueType font of the documents and charts (Noto Sans SC, SIL Open Font License), from
 * @expo-google-fonts/noto-sans-sc. 10 MB: read once, on the first document.
 */
export const CJK_FONT_FAMILY = 'Noto Sans SC';

let path: string | null = null;
let bytes: Promise<Buffer> | null = null;

export function cjkFontPath(): string {
  path ??= createRequire(import.meta.url).resolve(
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  );
  return path;
}

export function cjkFontBytes(): Promise<Buffer> {
  bytes ??= readFile(cjkFontPath()).catch((e: unknown) => {
    bytes = null;
    throw e;
  });
  return bytes;
}
